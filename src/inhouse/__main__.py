from inhouse.cli.main import run

run()
