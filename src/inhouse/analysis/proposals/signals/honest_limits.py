"""Honest limits: does the partner say what it is *not* good at?

Counts a concrete limitation the partner states about itself, in families of phrasing rather
than set sentences: what it does not do or has not done ("we haven't shipped on SAP before"),
where it is weak ("voice isn't where we shine", "a stretch for us", "still in beta"), what it
would leave to others ("outside our wheelhouse", "we'd partner with an integrator", "we don't
do X in-house"), and what it will not promise before seeing data ("we'd need to validate",
"can't promise", "depends on your data"); negative lines under a "Limitations" / "What we're
not" heading; and a flat "no" / "not yet" to the client's "do you support X?". One clear
admission is enough.

Who is limited matters: only the partner's sentences count, and within them a limit whose
subject is the client's ("your data is patchy", "sensor data is limited on your lines") does
not. Against it: "we can do everything", negated hedges ("nothing here is outside our
wheelhouse", "we've yet to meet a dataset we couldn't tame"), denying any weakness when asked,
and the humble-brag ("our only limitation is that we are too thorough", "if I had to pick a
weakness, we over-engineer"), which names a virtue and is never taken for a limitation.
Promises phrased with a negation ("we never share your data", "we don't charge set-up fees")
are not limits either.
"""

from __future__ import annotations

import re

from inhouse.analysis.proposals.document import ParsedDocument, Unit
from inhouse.analysis.proposals.red_flags import DENIED_LIMITS, NEVER_FAILED
from inhouse.analysis.proposals.signals.base import SignalDetector, Weighing, cue

_PLACE = (r"specialty|speciality|strength|expertise|area|core|focus|forte|field|domain|wheelhouse|sweet spot|strong suit|"
          r"business|thing|lane|remit|bread and butter|skill ?set|comfort zone|area of expertise|home turf|"
          r"core competenc[ey]")
_LIMITS = [
    # "not our specialty", "isn't in our wheelhouse", "outside our comfort zone"
    cue(rf"\bnot (really |exactly |quite )?(in )?(our|my) ({_PLACE})\b|\b(isn't|is not|aren't|"
        rf"are not) (really )?(in )?(our|my) ({_PLACE})\b", 2.5),
    cue(r"\b(outside|beyond) (of )?(our|my) (expertise|competen\w+|scope|skills?|skill ?set|experience|core|"
        r"area|specialty|wheelhouse|"
        r"lane|remit|comfort zone|capabilit\w+|knowledge|field|domain|sweet spot)", 2.5),
    cue(r"\b(we|I)('re| are| am)? not (a |an |the )?(good|great|strong|expert|experts|specialists?|"
        r"specialist of|right|best|experienced|"
        r"set up|equipped|able|familiar|qualified)\b", 2.5),
    cue(r"\b(we|I)('re| are| am) not (a|an) [\w -]{2,40}(provider|integrator|company|vendor|platform|firm|shop|system|"
        r"replacement|specialist|partner|consultancy|expert|clearinghouse|agency|crm|erp)s?\b|\bis not (a|"
        r"an) (replacement|substitute)\b", 2.0),
    cue(r"\b(we|I)('ve| have)? only (ever |really )?(done|worked|built|deployed|delivered|tried|used)\b"
        r"|\b(new|unfamiliar|uncharted) (territory|ground|waters)\b|\bnew to us\b|\bfirst time (for us|we)\b"
        r"|\b(I'd|I would|we'd|we would) be lying if (I|we) said\b|\b(can't|cannot|wouldn't|won't|"
        r"couldn't) (honestly )?(claim|say) "
        r"(that )?(we|I)('ve| have| are|'re|'d| had)\b", 2.0),
    cue(r"\b(we|I)('re| are| am)? (weak|weaker|less (experienced|mature|strong)|not as strong|inexperienced|"
        r"new to|still learning)\b"
        r"|\b(we'd|we would|we will|we'll) be learning\b|\bthis (would|will) be (our|my) first\b"
        r"|\b(our|my) first (\w+ ){0,2}(project|engagement|deployment|client|customer|time) (in|with|for|on)\b", 2.0),
    cue(r"\b(is|are|remains|stays|gets|be) (noticeably |clearly |still |much |a lot |significantly |"
        r"considerably |somewhat |a bit )?"
        r"(weak|weaker|less mature|less accurate|less precise|less reliable|limited|thin|immature|unproven|"
        r"non-existent|poor|worse|"
        r"higher|lower|patchy|unreliable|inaccurate|untested|unsupported|basic|rough|slow|slower)\b|\b(no|"
        r"not any|hardly|little) better than\b", 1.5),
    cue(r"\b(we|I)( have|'ve| had)( also| still| honestly| really| frankly)? (never|not yet|not|no|little|"
        r"limited|only) (done|worked|built|deployed|tried|delivered|"
        r"experience|production experience|data|track record|integrated|used|been|validated|tested|modell?ed|"
        r"seen|written|connected|"
        r"shipped|supported|handled|run|operated|sold|touched|tackled|attempted|automated)", 2.0),
    # "doesn't read hand drawings well", "we don't integrate with Newforma yet", "not tuned for flex PCBs yet"
    cue(r"\b(don't|do not|doesn't|does not|can't|cannot|isn't|aren't|won't)(?! wait) ([a-z]+ ){1,4}(yet|well|"
        r"reliably|properly|"
        r"at the moment)\b|\bnot (yet )?(tuned|trained|optimi[sz]ed|designed|built|certified|validated|tested|"
        r"ready|rated|approved|"
        r"calibrated)( yet)? (for|on|to|with)\b|\bout of (reach|our reach|our depth|our league)\b"
        r"|\b(would|will|'d) be (a |largely |mostly )?(guess|guesswork)\b|\b(still )?in (beta|alpha|preview|early access)\b|"
        r"\b(is|are|remains|still) (still )?experimental\b|\bless \w+ than (we'd|we would|we) (like|want|hoped)\b", 2.0),
    cue(r"\b(don't|do not|doesn't|does not) (?!outsource|subcontract|rely|depend|"
        r"need)[a-z]+ [\w -]{0,30}\b(ourselves|in-house)\b", 2.0),
    cue(r"\b(error|false[- ]\w+|failure|miss|rejection|escalation) rate\b[\w ]{0,30}\b(is|are|remains|gets|"
        r"runs) (high|higher|"
        r"significant|noticeable)\b|\byour (\w+ ){0,2}(supplier|provider|vendor|integrator|partner) (would|"
        r"will|'d) (need to )?"
        r"(handle|do|take care of|own|cover)\b", 1.5),
    cue(r"\b(haven't|hasn't|have not|has not|had not) (yet )?(been )?(done|worked|integrated|validated|tested|"
        r"built|modell?ed|"
        r"delivered|used|deployed|proven|shipped|touched|handled|supported|written|connected)\b|"
        r"\bnot (yet )?(been )?(validated|proven|tested) (for|on|in|under|with)\b", 1.5),
    cue(r"\b(no|little|limited|thin|less|patchy|partial) (production |real |prior |hands-on |direct |"
        r"relevant )?(experience|track record|"
        r"expertise|data|exposure|coverage|support|knowledge|familiarity)\b", 1.5),
    # "we don't have vets on the team", "we lack", "nobody on our team"
    cue(r"\b(we|I|our (team|company|firm|people|engineers|staff|consultants)) (don't|do not|does not|doesn't|"
        r"currently (don't|do not|"
        r"does not)) (yet |currently )?have (any |the |a |an |much |enough |our own |prior |previous |real |"
        r"direct |hands-on )?([\w-]+ ){0,3}(expertise|experience|exposure|"
        r"people|specialists?|staff|skills?|capacity|capabilit\w+|knowledge|background|licen[cs]es?|"
        r"accreditation|certification|"
        r"in-house|on (the|our) team|on staff|\w+ on the team)\b|\b(we|I) lack\b|\b(nobody|no one) (on|"
        r"in) (our|my|the) team\b", 2.0),
    cue(r"\bwe (don't|do not|won't|will not|cannot|can't|can not|wouldn't|would not) (do|offer|provide|support|handle|cover|"
        r"model|build|touch|promise|guarantee|predict|replace|make|work on|claim|produce|recommend (it|"
        r"relying|using)|speak|host|"
        r"deploy|install|integrate)\b|\b(we|I)( have|'ve)? (haven't|have not|never|not yet)\b[^.;]{0,60}\bbefore\b", 2.0),
    # "can't promise", "can't tell you how good it will be until", "too early to say"
    cue(r"\b(can't|cannot|can not|won't|will not|unable to|not able to|wouldn't|would not|won't be able to|"
        r"impossible to|too early to) "
        r"(honestly )?(promise|guarantee|predict|commit to|give you|claim|tell|say|know|estimate|quote|put a number)\b"
        r"|\bno (guarantees?|promises?)\b|\bwill not be predicted\b|\bwon't help\b", 2.0),
    cue(r"\b(does not|doesn't|do not|don't|will not|won't|cannot|can't) (make|do|offer|provide|support|handle|cover|model|"
        r"build|touch|replace|produce|include|give|work (with|for|on))\b", 1.5),
    cue(r"\b(out of scope|outside (the |our )?scope|not in scope|not (something|an area|a thing|what) (we|I)\b)"
        r"|\b(isn't|is not|aren't|are not) (really |honestly )?(something|an area|a thing|what|where) (we|I)\b", 1.5),
    # "we'd need to validate on your data first", "we must verify with your samples"
    cue(r"\b(we|I)('d| would| will|'ll| first| still)? ?(first |still )?(need|have|want|must) to (validate|"
        r"verify|check|test|confirm|"
        r"prove|see|measure)\b[^.;]{0,70}\b(before|first|whether|if|how|your|real|actual|until)\b"
        r"|\b(we|I) (must|should|will have to) (first )?(verify|validate|check|test) (it |this |that )?(with|"
        r"on|against) (your|the|real)\b", 2.0),
    # "it depends on your data", "depends on how consistently ... were recorded"
    cue(r"\bdepends? (heavily |entirely |a lot |largely |mostly |very much |critically )?on (your|"
        r"the) (\w+ )?(data|quality|history|"
        r"records|scans|images|labels|documents|samples|notes|photos|archive)|\bdepends? (heavily |entirely |"
        r"a lot |largely |mostly )?on "
        r"how (clean|good|complete|consistent\w*|well|accurate\w*|reliabl\w*|noisy|much data)", 2.0),
    cue(r"\b(would|will|'d|might|may|could) need (a |an |another |your |to bring in |to involve )?(own )?(specialist|"
        r"specialised|specialized|other|another|different|separate|it department|it team|integrator|someone|"
        r"vendor|provider|partner|tool)"
        r"|\b(recommend|suggest|point you to|bring in|refer you to|work(ing)? alongside|rather than pretend)\b.{0,40}"
        r"\b(specialist|specialised|specialized|different|another|other) (provider|vendor|partner|company|tool|firm)?"
        r"|\b(there are|you'd want|you would want|you'll want|you'd need|you would need|better served by|"
        r"better off with)\b.{0,30}"
        r"\b(specialist|specialised|specialized|dedicated)\b", 2.0),
    # "we'd partner with an ePA network rather than build our own", "we would work with your integrator"
    cue(r"\b(would|'d|will|'ll|could|might|rather|instead|for (this|that)( part)?)\b[^.;]{0,40}\b(partner|"
        r"team up|work|collaborate|"
        r"subcontract\w*)( \w+)? with (a |an |your |another |other |the |existing |"
        r"one of )?([\w-]+ ){0,3}(integrator|auditors?|"
        r"vendors?|providers?|specialists?|firms?|networks?|agency|agencies|consultanc\w+|partners?|"
        r"clearinghouses?|suppliers?|"
        r"labs?|laborator\w+|experts?)\b", 2.0),
    cue(r"\b(will|would|'ll|'d) (need|require) (support|help|input|assistance) from (your|a|an|the|another)\b"
        r"|\blean (heavily )?on (your|you)\b|\b(would|will|'d) still (need|require|depend on|rely on) (your|"
        r"you)\b|\b(we|I)('d| would)? (need|rely|depend) (heavily )?on your (\w+ )?(clinicians|experts|team|"
        r"people|staff|engineers|lawyers|specialists|partner|integrator)\b", 1.5),
    cue(r"\b(wouldn't|would not|won't|don't|do not) (want to )?pretend\b|\brather than pretend\b", 1.0),
    cue(r"\b(struggles?|struggling|fails?|drops?|degrades?|suffers?|performs? worse|higher error|error (is|rate) (higher|"
        r"increases?)|increases? the error|needs? substantial human|needs? (human )?correction)\b"
        r"|\b(won't|will not|doesn't|does not|may not|might not|wouldn't) (work|perform|generali[sz]e|"
        r"transfer|cope)( as| so)? "
        r"(well|reliably|out of the box)\b|\b(works?|performs?|copes?) (less well|poorly|badly)\b"
        r"|\bkeep \w+ing (those|them|it|these|that) (by hand|manually)\b", 1.0),
    cue(r"\b(we're|we are|I'm|I am) (honestly |frankly |genuinely )?(not (sure|certain|convinced)|unsure|uncertain)\b"
        r"|\b(only|just) (supports?|works? (with|for|on)|handles?|covers?|available in|reads?)\b", 1.5),
    cue(r"\b(a|our|one) (real|big|clear|known|genuine|current|serious|honest) (limitation|weakness|gap|"
        r"blind spot|weak (point|spot|area))\b|"
        r"\b(limitation|weakness|gap|blind spot|weak (point|spot|area)) (for us|of ours|on our side|we have)\b"
        r"|\bnot (a|one of) (our|my) (strengths?|specialties|specialities)\b|\bnot a strength (of ours|for us)\b"
        r"|\bbeyond what (we|I) can\b|\b(a stretch|a reach|a big ask|tricky|uncharted) for (us|me)\b"
        r"|\bachilles'? ?s? heel\b|\bweak (point|spot|link)\b|\b(isn't|is not|aren't|are not|"
        r"not) (really )?(where|what) (we|I) "
        r"(shine|excel|are (best|strongest|good)|do best)\b|\bnot (our|my) (strongest|best) (area|suit|side|"
        r"skill)\b|\b(we'd|we would|we will|we'll) (have to |need to )?(subcontract|outsource)\b", 2.0),
    cue(r"\b(cannot|can't|can not|won't|will not|don't|do not) (take (over|on)|accept|assume|carry) (the |"
        r"any )?(responsibility|"
        r"liability|ownership)\b|\b(references|experience|projects|clients|track record)\b[\w -]{0,40}\b(are|"
        r"is) (few|limited|scarce|"
        r"thin|rare|modest)\b|\b(only|[\w-]+-only) (right now|for now|at the moment|today|so far|currently)\b", 2.0),
    cue(r"\b(track record|experience|portfolio|team) (in [\w -]{2,30} )?(is|remains) (short|limited|thin|small|modest)\b"
        r"|\b(won't|will not|wouldn't|would not|isn't|is not|aren't|are not) (be )?(great|good enough|"
        r"reliable|accurate|perfect|as good)\b"
        r"|\bstill (building|developing|working on|maturing)\b|\b(isn't|is not|aren't|are not|not yet) (currently |yet )?"
        r"(supported|available|covered|included)\b", 1.5),
    cue(r"\b(limitations?|limits|weakness(es)?|caveats?|shortcomings?|not a (good )?fit|poor fit|weak spots?)\b", 0.5),
    cue(r"\b(to be (honest|upfront|clear|candid|transparent|straight)|in (full )?(transparency|fairness)|honestly|candidly|"
        r"I should (be|say|mention|flag)|rather say so|full disclosure|be upfront|be candid|be straight|"
        r"some honesty|must say honestly|"
        r"should (flag|mention)|worth (knowing|noting|flagging|mentioning)|heads-up|(straight|straightforward|"
        r"upfront) with you)\b", 0.5),
]
_SELF_SUBJECT = re.compile(
    r"\b(we|we're|we've|we'd|we'll|our|ours|us|I|I'm|I've|I'd|my|it|its|this|the ([\w-]+ )?(platform|model|models|"
    r"system|engine|tool|product|solution|app|assistant|chatbot|pilot|team|software|recommendations?|extraction|detection|"
    r"forecasting|optimi[sz]er|recognition|accuracy|quality|performance|results|predictions?|classification|"
    r"coverage|outputs?|"
    r"translation|transcription|summar(y|ies)|drafts?|scores?))\b", re.I)
_REPORTING = re.compile(
    r"\b(you|your \w+) (told|showed|shared|mentioned|said|explained|described|sent)( us| me)?( that)?"
    r"|\b(we|I) (note|noted|understand|understood|heard|learned|learnt|saw|noticed|gather)( that)?|"
    r"\bas you (said|put it|described)", re.I)
_CLIENT_SUBJECT = re.compile(r"^\W*(you|your|you're|they|their)\b", re.I)

_OVERCLAIM = [
    cue(r"\b(we|it|platform|they|I|you) can do (it all|everything|anything)\b|\bdo(es)? it all\b|"
        r"\bno limits?\b|\blimitless\b|"
        r"\bwithout (any )?limits\b|\bunlimited (scope|use cases)\b", 2.5),
    cue(NEVER_FAILED, 2.5),
    cue(r"\b(any|every) (\w+ )?(use case|industry|problem|challenge|scale)\b|\bwhatever (you|your|comes|"
        r"the)\b.{0,50}\b(cover|handle|do|"
        r"deliver|covered|solve)|\bcomplete package\b|\bfull stack\b|\b(cover|handle|solve|automate|tackle|do|"
        r"build|crack)s? "
        r"(it all|everything|anything)\b|\b(we're|we are) the best\b", 2.0),
    cue(r"\b(handles?|works? (for|on|with)|supports?|covers?|solves?|automates?|for|"
        r"tackles?) any (\w+ ){0,2}(type|kind|language|"
        r"jurisdiction|product|source|line|city|fleet|industry|scale|volume|document|platform|condition|"
        r"baked good|use|format|challenge)", 1.5),
    cue(r"\b(flawless|never fail|perfect) (delivery|record|track record)\b|\bdeliver every time\b", 1.0),
    cue(DENIED_LIMITS, 2.5),
    cue(r"\b(can't|cannot|don't|do not)\b[^.]{0,30}\b(make (the |your |you )?(coffee|tea)|miracles|magic|"
        r"read (your )?minds?|walk on water|time travel)", 2.0),
]
_NEGATED_CLAIM = re.compile(r"\b(can't|cannot|can not|don't|do not|won't|will not|not|never)\s*$", re.I)
_WEAKNESS_WORD = re.compile(r"\b(limitations?|weakness(es)?|drawbacks?|downsides?|flaws?|shortcomings?|faults?)\b", re.I)
_HUMBLE_FRAME = re.compile(
    r"\b(only|one|biggest|main|greatest|single|real|sole)\b.{0,40}\b(limitations?|weakness|drawback|downside|"
    r"flaw|shortcoming|fault)"
    r"|\bif (we|I) (have|had|were to name) (a|one|any) (weakness|limitation|flaw|fault|shortcoming|drawback)"
    r"|\bif (we|I|you|reviewers|anyone) (had|have|were|require\w*|need\w*|want\w*|ask\w*)( us| me)? to (pick|"
    r"name|choose|identify|point to|"
    r"admit|single out|list) (a|one|any|our)"
    r"|\bif (you|anyone|clients?|people) (ask|asked|asks|press|pressed|push|pushed)( us| me)? (for|about|"
    r"to name) (a |one |our |any )?"
    r"(weakness|limitation|flaw|shortcoming|drawback)"
    r"|\b(limitation|weakness|flaw|drawback|shortcoming|fault)\b.{0,30}\b(is|would be|it's|it is|it'd be|"
    r"it would be|that'd be|"
    r"that would be)( probably| perhaps| simply)? that\b", re.I)
_VIRTUE_WORDS = (r"good|thorough|detailed|careful|committed|dedicated|passionate|ambitious|popular|successful|"
    r"fast|engaging|much|"
                 r"invested|rigorous|accurate|effective|responsive|generous|honest|hard-working|eager|"
                 r"meticulous|robust|precise|"
                 r"diligent|conscientious|exacting|demanding|comprehensive|polished|sophisticated|powerful|quick|reliable|"
                 r"focused|obsessive|obsessed|picky|perfect|high|well-engineered|protective|loyal|available")
_VIRTUE = re.compile(
    rf"\b(too|overly|excessively|over-|almost too|a (little|bit) too|perhaps too|"
    rf"maybe too)\s*({_VIRTUE_WORDS})\b|\bcare (too|so) much\b|"
    r"\bover-?(deliver|engineer|prepar|achiev|invest|perform|communicat|document)\w*|\bexceed\w*|\bbeyond the brief\b|"
    r"\bgo(es|ing)? (above and )?beyond\b|\bperfectionis\w*|\bwork too hard\b|\bset (the|our) bar too high\b|"
    r"\bmore (\w+ )?than (most |our |many )?(clients|customers|you|people|anyone|teams)? ?(actually |"
    r"really )?(need|expect|ask)|"
    r"\b(never want|love|enjoy|don't want) to (leave|stop)|\bhigh demand\b|\bso (popular|good|invested|engaged)\b|"
    r"\b(clients|customers|people|patients|users) (love|enjoy|adore)\b", re.I)
_WEAKNESS_QUESTION = re.compile(
    r"\b(weakness|limitations?|not (so |as )?(good|strong)|less (experienced|strong)|isn't your strength|not your strength|"
    r"struggle with|where (are )?you (weak|less))\b", re.I)
_CAPABILITY_QUESTION = re.compile(
    r"\b(do|does|can|could|will|would|have|has|is|are) (you|it|your \w+|the (platform|system|tool|product|model|app)|they)"
    r"( also| already| ever| currently)? (support|handle|do|cover|work with|integrate|read|speak|offer|have|connect|process|"
    r"understand|include|done|worked|built|deal with|run|compatible)", re.I)
_REFUSED_CAPABILITY = re.compile(
    r"^\W*(no\b|not yet|not (at the moment|today|currently|really|right now|directly|out of the box)|nope|"
    r"unfortunately|sadly|"
    r"we (don't|do not|haven't|have not|can't|cannot)|it (doesn't|does not|can't|cannot)|I'm afraid not)", re.I)
_DENIAL = re.compile(
    r"^\W*(\w+\? )?(honestly,? |to be honest,? |frankly,? |ha,? )?(I'd say |I would say )?(no|not really|nope|"
    r"nah|none|nothing)\b|can't think of (anything|any)|"
    r"struggle to name|nothing (comes to mind|really)|not that I (know|can think)|(we )?don't have any (weak|"
    r"limit)|none that I"
    r"|hard to (name|think of) (anything|any)", re.I)
_HEADING = re.compile(r"\b(limitations?|limits|can't|cannot|don't|not|weak\w*|caveats?|honest\w*|constraints|"
    r"out of scope|exclusions?|"
                      r"risks?|gaps?|assumptions|won't|aren't|isn't|watch.?outs?|be aware|candid\w*|"
                      r"transparen\w*|fine print|dependenc\w*|"
                      r"points? to note|please note|considerations)\b", re.I)
_CLIENT_HEADING = re.compile(r"\b(your|you|client's|customer's)\b", re.I)
_SELF_WORD = re.compile(r"\b(we|our|us|I|my|we're|we've|we'd|I'm|I've|I'd)\b", re.I)
_OTHERS = re.compile(r"\b(you|your|you're|you've|yours|they|their|they're)\b", re.I)
_SELF_NEGATION = re.compile(
    r"\b(we|I|it|our [\w-]+( [\w-]+)?|the (platform|model|system|tool|product|app|engine))( also| still|"
    r" currently| really)? "
    r"(don't|do not|doesn't|does not|can't|cannot|won't|will not|haven't|have not|hasn't|has not|"
    r"never)\b (?!(just|only|charge|lock|"
    r"need|require|believe|compromise|stop|share|sell|wait|miss|let|store|keep|overpromise|oversell|cut|hide|"
    r"outsource|rely|depend|"
    r"expect|anticipate|foresee|see|think|want|like|ask|bill|hold|leave|tie|force|mind|worry|give|quit|fail|disappoint|jump|"
    r"sacrifice|settle|tolerate|accept|forget|lose|lost|met|found|had|encountered|seen|disrupt|affect|"
    r"interfere|slow|break|harm|"
    r"hurt|cost|waste|pay|bite|leave)\b)[a-z]", re.I)
_UNSUPPORTED = re.compile(r"\b(isn't|is not|aren't|are not|not yet) (currently |yet )?(supported|available|"
    r"covered|included|offered)\b", re.I)
_CONDITION = re.compile(r"\b(if|unless|so|when|whether|until|once|as long as)\b", re.I)
_STATE = re.compile(r"(is|are|remains|stays|gets|be|was|were)\b", re.I)
_ON_THEIRS = re.compile(r"\W*(\w+ ){0,2}(on|in|for|at|of|across|with) (your|their)\b", re.I)
_CLAUSE = re.compile(r"[,;:()]|\b(?:that|which|and|but|because|so|while|whereas|although|if|when|unless)\b", re.I)
_NEGATIVE = re.compile(r"\b(not|no|never|n't|cannot|weak(er|est|ly)?|limited|less|without|only|drops?|"
    r"struggles?|worse|thin|un(reliable|"
                       r"proven|tested|supported|available|suitable)|inaccurate|poor\w*|difficult|hard|lower|"
                       r"beta|gaps?|little)\b", re.I)
_STRONG_HEADING = re.compile(r"\b(limitations?|limits|weak\w*|caveats?|gaps?|not|can't|cannot|don't|won't|"
    r"aren't|isn't|out of scope|"
                             r"exclusions?|honest\w*|candid\w*|transparen\w*)\b", re.I)


def _theirs(text: str, match: re.Match[str]) -> bool:
    """The limit belongs to the client: the clause's subject is "your"/"their" something ("your data is
    patchy"), not "we"/"our"/the product. What comes after the match ("won't replace your team") is its object."""
    if _SELF_WORD.match(match.group(0)):  # "if you need on-prem, we're not the right fit"
        return False
    start = max((m.end() for m in _CLAUSE.finditer(text, 0, match.start())), default=0)
    before = _REPORTING.sub(" ", text[start:match.start()])
    if _SELF_WORD.search(before):
        return False
    if _OTHERS.search(before):
        return True
    # "sensor data is limited on your older lines": a state whose place is the client's
    return bool(_STATE.match(match.group(0)) and _ON_THEIRS.match(text[match.end():]))


def _plain_negation(text: str, match: re.Match[str]) -> bool:
    """"It doesn't read handwriting": the partner says what it does not do - not in a condition ("if it
    doesn't help, we stop"), a purpose ("so I don't jump ahead") or a promise ("we never share your data")."""
    start = max((m.end() for m in _CLAUSE.finditer(text, 0, match.start())), default=0)
    lead = text[start:match.start()].strip().lower()
    return not _CONDITION.search(text[max(0, start - 12):match.start()]) and lead in ("", "and", "but", "also", "honestly")


def _about_self(text: str, document: ParsedDocument) -> bool:
    """The partner speaks of itself: "we", "our model", or its own name ("RiskWise won't...")."""
    plain = _REPORTING.sub(" ", text)
    if _SELF_SUBJECT.search(plain) or _UNSUPPORTED.search(plain):  # "Welsh isn't supported": the offer's own scope
        return True
    lowered = re.sub(r"[^a-z0-9 ]", "", plain.lower())
    return any(re.search(rf"\b{re.escape(name.lower())}", lowered) for name in document.partner_names if len(name) >= 3)


def _claimed(text: str) -> float:
    """Overclaim weight, leaving out claims under a negation ("we can't do anything useful with X" is a limit)."""
    total = sum(weight for pattern, weight in _OVERCLAIM
                if any(not _NEGATED_CLAIM.search(text[max(0, m.start() - 20):m.start()]) for m in pattern.finditer(text)))
    return min(total, 3.0)


def humble_brag(unit: Unit, document: ParsedDocument) -> bool:
    """A "limitation" that is really a virtue: "our only weakness is that we over-deliver"."""
    if not _HUMBLE_FRAME.search(unit.text):
        return False
    following = " ".join(u.text for u in document.next_units(unit))
    return bool(_VIRTUE.search(unit.text) or (_VIRTUE.search(following) and len(unit.text) < 120))


class HonestLimits(SignalDetector):
    name = "honest_limits"

    def decide(self, weighing: Weighing, document: ParsedDocument) -> bool:
        """One clear admission is enough ("voice isn't where we shine"), unless denials outweigh it."""
        return not weighing.veto and weighing.for_weight >= 1.5 and weighing.for_weight > weighing.against_weight

    def weigh(self, document: ParsedDocument) -> Weighing:
        weighing = Weighing()
        bragged: set[int] = set()
        for unit in document.partner_units:
            if humble_brag(unit, document):
                weighing.add_against(unit, 3.0)
                bragged.update({unit.index, unit.index + 1})
        for unit in document.partner_units:
            if unit.index in bragged:
                continue
            overclaim = _claimed(unit.text)
            weighing.add_against(unit, overclaim)
            if not overclaim:  # "nothing we haven't done" is no admission of a limit
                weighing.add_for(unit, self.limit_weight(unit, document))
        self._answers_to_weakness_questions(document, weighing)
        return weighing

    def limit_weight(self, unit: Unit, document: ParsedDocument) -> float:
        text = unit.text
        if _CLIENT_SUBJECT.search(text) and not _SELF_WORD.search(text):
            return 0.0
        weight = min(4.0, sum(w for pattern, w in _LIMITS if any(not _theirs(text, m) for m in pattern.finditer(text))))
        weight += 1.0 if any(_plain_negation(text, m) for m in _SELF_NEGATION.finditer(text)) else 0.0
        heading = unit.heading
        under_heading = bool(heading and _HEADING.search(heading)) and not (
            _CLIENT_HEADING.search(heading) and not _SELF_WORD.search(heading))  # "Your constraints" are the client's
        if under_heading and any(not _theirs(text, m) for m in _NEGATIVE.finditer(text)):
            weight += 2.0 if _STRONG_HEADING.search(heading) else 1.0  # "What we don't do": each negative line is a limit
        if not (under_heading or _about_self(text, document)):
            return 0.0
        return weight if weight >= 1.5 else 0.0

    def _answers_to_weakness_questions(self, document: ParsedDocument, weighing: Weighing) -> None:
        """The client asks what the partner is not good at (a flat "no" is a denial), or whether it can do
        something (a flat "no" / "not yet" is an admission)."""
        units = document.units
        for unit in units:
            if unit.by_partner:
                continue
            weakness = bool(_WEAKNESS_QUESTION.search(unit.text))
            capability = unit.is_question and bool(_CAPABILITY_QUESTION.search(unit.text))
            if not (weakness or capability):
                continue
            reply = next((u for u in units[unit.index + 1:] if u.by_partner), None)
            if reply is None or self.limit_weight(reply, document):
                continue
            if weakness and _DENIAL.search(reply.text):
                weighing.add_against(reply, 2.5)
            elif not weakness and _answers(unit, reply, units) and _REFUSED_CAPABILITY.search(reply.text):
                weighing.add_for(reply, 2.0)


def _answers(question: Unit, reply: Unit, units: list[Unit]) -> bool:
    """``reply`` opens the turn right after the one that ends with ``question``."""
    after = next((u for u in units[question.index + 1:] if u.turn != question.turn), None)
    return after is not None and after.index == reply.index
