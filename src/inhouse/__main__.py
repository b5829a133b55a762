from inhouse.cli.startup import main

main()
