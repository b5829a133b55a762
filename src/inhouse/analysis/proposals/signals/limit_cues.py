"""The lexicon behind honest limits: high-precision phrasings, overclaims, humble-brags, headings.

These are the phrase families the detector first grew from (each one a family with its variants,
not one sentence). They are kept as high-precision cues; the structural rule in
:mod:`admission` carries recall for wording no family lists.
"""

from __future__ import annotations

import re

from inhouse.analysis.proposals.red_flags import DENIED_LIMITS, NEVER_FAILED
from inhouse.analysis.proposals.signals.base import cue

PLACE = (
    r"specialty|speciality|strength|expertise|area|core|focus|forte|field|domain|wheelhouse|sweet spot|strong suit|"
    r"business|thing|lane|remit|bread and butter|skill ?set|comfort zone|area of expertise|home turf|"
    r"core competenc[ey]"
)
LIMITS = [
    # "not our specialty", "isn't in our wheelhouse", "outside our comfort zone"
    cue(
        rf"\bnot (really |exactly |quite )?(in )?(our|my) ({PLACE})\b|\b(isn't|is not|aren't|"
        rf"are not) (really )?(in )?(our|my) ({PLACE})\b",
        2.5,
    ),
    cue(
        r"\b(outside|beyond) (of )?(our|my) (expertise|competen\w+|scope|skills?|skill ?set|experience|core|"
        r"area|specialty|wheelhouse|"
        r"lane|remit|comfort zone|capabilit\w+|knowledge|field|domain|sweet spot)",
        2.5,
    ),
    cue(
        r"\b(we|I)('re| are| am)? not (a |an |the )?(good|great|strong|expert|experts|specialists?|"
        r"specialist of|right|best|experienced|"
        r"set up|equipped|able|familiar|qualified)\b",
        2.5,
    ),
    cue(
        r"\b(we|I)('re| are| am) not (a|an) [\w -]{2,40}(provider|integrator|company|vendor|platform|firm|shop|system|"
        r"replacement|specialist|partner|consultancy|expert|agency|house|crm|erp)s?\b|\bis not (a|"
        r"an) (replacement|substitute)\b",
        2.0,
    ),
    cue(
        r"\b(we|I)('ve| have)? only (ever |really )?(done|worked|built|deployed|delivered|tried|used)\b"
        r"|\b(new|unfamiliar|uncharted) (territory|ground|waters)\b|\bnew to us\b|\bfirst time (for us|we)\b"
        r"|\b(I'd|I would|we'd|we would) be lying if (I|we) said\b|\b(can't|cannot|wouldn't|won't|"
        r"couldn't) (honestly )?(claim|say) "
        r"(that )?(we|I)('ve| have| are|'re|'d| had)\b",
        2.0,
    ),
    cue(
        r"\b(we|I)('re| are| am)? (weak|weaker|less (experienced|mature|strong)|not as strong|inexperienced|"
        r"new to|still learning)\b"
        r"|\b(we'd|we would|we will|we'll) be learning\b|\bthis (would|will) be (our|my) first\b"
        r"|\b(our|my) first (\w+ ){0,2}(project|engagement|deployment|client|customer|time) (in|with|for|on)\b",
        2.0,
    ),
    cue(
        r"\b(is|are|remains|stays|gets|be) (noticeably |clearly |still |much |a lot |significantly |"
        r"considerably |somewhat |a bit )?"
        r"(weak|weaker|less mature|less accurate|less precise|less reliable|limited|thin|immature|unproven|"
        r"non-existent|poor|worse|"
        r"higher|lower|patchy|unreliable|inaccurate|untested|unsupported|basic|rough|slow|slower)\b|\b(no|"
        r"not any|hardly|little) better than\b",
        1.5,
    ),
    cue(
        r"\b(we|I)( have|'ve| had)( also| still| honestly| really| frankly)? (never|not yet|not|no|little|"
        r"limited|only) (done|worked|built|deployed|tried|delivered|"
        r"experience|production experience|data|track record|integrated|used|been|validated|tested|modell?ed|"
        r"seen|written|connected|"
        r"shipped|supported|handled|run|operated|sold|touched|tackled|attempted|automated)",
        2.0,
    ),
    # "doesn't read hand drawings well", "we don't integrate with Newforma yet", "not tuned for flex PCBs yet"
    cue(
        r"\b(don't|do not|doesn't|does not|can't|cannot|isn't|aren't|won't)(?! wait) ([a-z]+ ){1,4}(yet|well|"
        r"reliably|properly|"
        r"at the moment)\b|\bnot (yet )?(tuned|trained|optimi[sz]ed|designed|built|certified|validated|tested|"
        r"ready|rated|approved|"
        r"calibrated)( yet)? (for|on|to|with)\b|\bout of (reach|our reach|our depth|our league)\b"
        r"|\b(would|will|'d) be (a |largely |mostly )?(guess|guesswork)\b|\b(still )?in (beta|alpha|preview|early access)\b|"
        r"\b(is|are|remains|still) (still )?experimental\b|\bless \w+ than (we'd|we would|we) (like|want|hoped)\b",
        2.0,
    ),
    cue(
        r"\b(don't|do not|doesn't|does not) (?!outsource|subcontract|rely|depend|"
        r"need)[a-z]+ [\w -]{0,30}\b(ourselves|in-house)\b",
        2.0,
    ),
    cue(
        r"\b(error|false[- ]\w+|failure|miss|rejection|escalation) rate\b[\w ]{0,30}\b(is|are|remains|gets|"
        r"runs) (high|higher|"
        r"significant|noticeable)\b|\byour (\w+ ){0,2}(supplier|provider|vendor|integrator|partner) (would|"
        r"will|'d) (need to )?"
        r"(handle|do|take care of|own|cover)\b",
        1.5,
    ),
    cue(
        r"\b(haven't|hasn't|have not|has not|had not) (yet )?(been )?(done|worked|integrated|validated|tested|"
        r"built|modell?ed|"
        r"delivered|used|deployed|proven|shipped|touched|handled|supported|written|connected)\b|"
        r"\bnot (yet )?(been )?(validated|proven|tested) (for|on|in|under|with)\b",
        1.5,
    ),
    cue(
        r"\b(no|little|limited|thin|less|patchy|partial) (production |real |prior |hands-on |direct |"
        r"relevant )?(experience|track record|"
        r"expertise|data|exposure|coverage|support|knowledge|familiarity)\b",
        1.5,
    ),
    # "we don't have vets on the team", "we lack", "nobody on our team"
    cue(
        r"\b(we|I|our (team|company|firm|people|engineers|staff|consultants)) (don't|do not|does not|doesn't|"
        r"currently (don't|do not|"
        r"does not)) (yet |currently )?have (any |the |a |an |much |enough |our own |prior |previous |real |"
        r"direct |hands-on )?([\w-]+ ){0,3}(expertise|experience|exposure|"
        r"people|specialists?|staff|skills?|capacity|capabilit\w+|knowledge|background|licen[cs]es?|"
        r"accreditation|certification|"
        r"in-house|on (the|our) team|on staff|\w+ on the team)\b|\b(we|I) lack\b|\b(nobody|no one) (on|"
        r"in) (our|my|the) team\b",
        2.0,
    ),
    cue(
        r"\bwe (don't|do not|won't|will not|cannot|can't|can not|wouldn't|would not) (do|offer|provide|support|handle|cover|"
        r"model|build|touch|promise|guarantee|predict|replace|make|work on|claim|produce|recommend (it|"
        r"relying|using)|speak|host|"
        r"deploy|install|integrate)\b|\b(we|I)( have|'ve)? (haven't|have not|never|not yet)\b[^.;]{0,60}\bbefore\b",
        2.0,
    ),
    # "can't promise", "can't tell you how good it will be until", "too early to say"
    cue(
        r"\b(can't|cannot|can not|won't|will not|unable to|not able to|wouldn't|would not|won't be able to|"
        r"impossible to|too early to) "
        r"(honestly )?(promise|guarantee|predict|commit to|give you|claim|tell|say|know|estimate|quote|put a number)\b"
        r"|\bno (guarantees?|promises?)\b|\bwill not be predicted\b|\bwon't help\b",
        2.0,
    ),
    cue(
        r"\b(does not|doesn't|do not|don't|will not|won't|cannot|can't) (make|do|offer|provide|support|handle|cover|model|"
        r"build|touch|replace|produce|include|give|work (with|for|on))\b",
        1.5,
    ),
    cue(
        r"\b(out of scope|outside (the |our )?scope|not in scope|not (something|an area|a thing|what) (we|I)\b)"
        r"|\b(isn't|is not|aren't|are not) (really |honestly )?(something|an area|a thing|what|where) (we|I)\b",
        1.5,
    ),
    # "we'd need to validate on your data first", "we must verify with your samples"
    cue(
        r"\b(we|I)('d| would| will|'ll| first| still)? ?(first |still )?(need|have|want|must) to (validate|"
        r"verify|check|test|confirm|"
        r"prove|see|measure)\b[^.;]{0,70}\b(before|first|whether|if|how|your|real|actual|until)\b"
        r"|\b(we|I) (must|should|will have to) (first )?(verify|validate|check|test) (it |this |that )?(with|"
        r"on|against) (your|the|real)\b",
        2.0,
    ),
    # "it depends on your data", "depends on how consistently ... were recorded"
    cue(
        r"\bdepends? (heavily |entirely |a lot |largely |mostly |very much |critically )?on (your|"
        r"the) (\w+ )?(data|quality|history|"
        r"records|scans|images|labels|documents|samples|notes|photos|archive)|\bdepends? (heavily |entirely |"
        r"a lot |largely |mostly )?on "
        r"how (clean|good|complete|consistent\w*|well|accurate\w*|reliabl\w*|noisy|much data)",
        2.0,
    ),
    cue(
        r"\b(would|will|'d|might|may|could) need (a |an |another |your |to bring in |to involve )?(own )?(specialist|"
        r"specialised|specialized|other|another|different|separate|it department|it team|integrator|someone|"
        r"vendor|provider|partner|tool)"
        r"|\b(recommend|suggest|point you to|bring in|refer you to|work(ing)? alongside|rather than pretend)\b.{0,40}"
        r"\b(specialist|specialised|specialized|different|another|other) (provider|vendor|partner|company|tool|firm)?"
        r"|\b(there are|you'd want|you would want|you'll want|you'd need|you would need|better served by|"
        r"better off with)\b.{0,30}"
        r"\b(specialist|specialised|specialized|dedicated)\b",
        2.0,
    ),
    # "we'd partner with an ePA network rather than build our own", "we would work with your integrator"
    cue(
        r"\b(would|'d|will|'ll|could|might|rather|instead|for (this|that)( part)?)\b[^.;]{0,40}\b(partner|"
        r"team up|work|collaborate|"
        r"subcontract\w*)( \w+)? with (a |an |your |another |other |the |existing |"
        r"one of )?([\w-]+ ){0,3}(integrator|auditors?|"
        r"vendors?|providers?|specialists?|firms?|networks?|agency|agencies|consultanc\w+|partners?|"
        r"houses?|suppliers?|"
        r"labs?|laborator\w+|experts?)\b",
        2.0,
    ),
    cue(
        r"\b(will|would|'ll|'d) (need|require) (support|help|input|assistance) from (your|a|an|the|another)\b"
        r"|\blean (heavily )?on (your|you)\b|\b(would|will|'d) still (need|require|depend on|rely on) (your|"
        r"you)\b|\b(we|I)('d| would)? (need|rely|depend) (heavily )?on your (\w+ )?(clinicians|experts|team|"
        r"people|staff|[a-z]{3,}(?:ists|ians|ers|ors)|partner|integrator)\b",
        1.5,
    ),
    cue(r"\b(wouldn't|would not|won't|don't|do not) (want to )?pretend\b|\brather than pretend\b", 1.0),
    cue(
        r"\b(struggles?|struggling|fails?|drops?|degrades?|suffers?|performs? worse|higher error|error (is|rate) (higher|"
        r"increases?)|increases? the error|needs? substantial human|needs? (human )?correction)\b"
        r"|\b(won't|will not|doesn't|does not|may not|might not|wouldn't) (work|perform|generali[sz]e|"
        r"transfer|cope)( as| so)? "
        r"(well|reliably|out of the box)\b|\b(works?|performs?|copes?) (less well|poorly|badly)\b"
        r"|\bkeep \w+ing (those|them|it|these|that) (by hand|manually)\b",
        1.0,
    ),
    cue(
        r"\b(we're|we are|I'm|I am) (honestly |frankly |genuinely )?(not (sure|certain|convinced)|unsure|uncertain)\b"
        r"|\b(only|just) (supports?|works? (with|for|on)|handles?|covers?|available in|reads?)\b",
        1.5,
    ),
    cue(
        r"\b(a|our|one) (real|big|clear|known|genuine|current|serious|honest) (limitation|weakness|gap|"
        r"blind spot|weak (point|spot|area))\b|"
        r"\b(limitation|weakness|gap|blind spot|weak (point|spot|area)) (for us|of ours|on our side|we have)\b"
        r"|\bnot (a|one of) (our|my) (strengths?|specialties|specialities)\b|\bnot a strength (of ours|for us)\b"
        r"|\bbeyond what (we|I) can\b|\b(a stretch|a reach|a big ask|tricky|uncharted) for (us|me)\b"
        r"|\bachilles'? ?s? heel\b|\bweak (point|spot|link)\b|\b(isn't|is not|aren't|are not|"
        r"not) (really )?(where|what) (we|I) "
        r"(shine|excel|are (best|strongest|good)|do best)\b|\bnot (our|my) (strongest|best) (area|suit|side|"
        r"skill)\b|\b(we'd|we would|we will|we'll) (have to |need to )?(subcontract|outsource)\b",
        2.0,
    ),
    cue(
        r"\b(cannot|can't|can not|won't|will not|don't|do not) (take (over|on)|accept|assume|carry) (the |"
        r"any )?(responsibility|"
        r"liability|ownership)\b|\b(references|experience|projects|clients|track record)\b[\w -]{0,40}\b(are|"
        r"is) (few|limited|scarce|"
        r"thin|rare|modest)\b|\b(only|[\w-]+-only) (right now|for now|at the moment|today|so far|currently)\b",
        2.0,
    ),
    cue(
        r"\b(track record|experience|portfolio|team) (in [\w -]{2,30} )?(is|remains) (short|limited|thin|small|modest)\b"
        r"|\b(won't|will not|wouldn't|would not|isn't|is not|aren't|are not) (be )?(great|good enough|"
        r"reliable|accurate|perfect|as good)\b"
        r"|\bstill (building|developing|working on|maturing)\b|\b(isn't|is not|aren't|are not|not yet) (currently |yet )?"
        r"(supported|available|covered|included)\b",
        1.5,
    ),
    cue(r"\b(limitations?|limits|weakness(es)?|caveats?|shortcomings?|not a (good )?fit|poor fit|weak spots?)\b", 0.5),
    cue(
        r"\b(to be (honest|upfront|clear|candid|transparent|straight)|in (full )?(transparency|fairness)|honestly|candidly|"
        r"I should (be|say|mention|flag)|rather say so|full disclosure|be upfront|be candid|be straight|"
        r"some honesty|must say honestly|"
        r"should (flag|mention)|worth (knowing|noting|flagging|mentioning)|heads-up|(straight|straightforward|"
        r"upfront) with you)\b",
        0.5,
    ),
]
SELF_SUBJECT = re.compile(
    r"\b(we|we're|we've|we'd|we'll|our|ours|us|I|I'm|I've|I'd|my|it|its|this|the ([\w-]+ )?(platform|model|models|"
    r"system|engine|tool|product|solution|app|assistant|chatbot|pilot|team|software|recommendations?|extraction|detection|"
    r"forecasting|optimi[sz]er|recognition|accuracy|quality|performance|results|predictions?|classification|"
    r"coverage|outputs?|"
    r"translation|transcription|summar(y|ies)|drafts?|scores?))\b",
    re.I,
)
REPORTING = re.compile(
    r"\b(you|your \w+) (told|showed|shared|mentioned|said|explained|described|sent)( us| me)?( that)?"
    r"|\b(we|I) (note|noted|understand|understood|heard|learned|learnt|saw|noticed|gather)( that)?|"
    r"\bas you (said|put it|described)",
    re.I,
)
CLIENT_SUBJECT = re.compile(r"^\W*(you|your|you're|they|their)\b", re.I)

OVERCLAIM = [
    cue(
        r"\b(we|it|platform|they|I|you) can do (it all|everything|anything)\b|\bdo(es)? it all\b|"
        r"\bno limits?\b|\blimitless\b|"
        r"\bwithout (any )?limits\b|\bunlimited (scope|use cases)\b",
        2.5,
    ),
    cue(NEVER_FAILED, 2.5),
    cue(
        r"\b(any|every) (\w+ )?(use case|industry|problem|challenge|scale)\b|\bwhatever (you|your|comes|"
        r"the)\b.{0,50}\b(cover|handle|do|"
        r"deliver|covered|solve)|\bcomplete package\b|\bfull stack\b|\b(cover|handle|solve|automate|tackle|do|"
        r"build|crack)s? "
        r"(it all|everything|anything)\b|\b(we're|we are) the best\b",
        2.0,
    ),
    cue(
        r"\b(handles?|works? (for|on|with)|supports?|covers?|solves?|automates?|for|"
        r"tackles?) any (\w+ ){0,2}(type|kind|language|"
        r"jurisdiction|product|source|line|city|fleet|industry|scale|volume|document|platform|condition|"
        r"use|format|challenge|[\w-]+ goods)",
        1.5,
    ),
    cue(r"\b(flawless|never fail|perfect) (delivery|record|track record)\b|\bdeliver every time\b", 1.0),
    cue(DENIED_LIMITS, 2.5),
    cue(
        r"\b(can't|cannot|don't|do not)\b[^.]{0,30}\b(make (the |your |you )?(coffee|tea)|miracles|magic|"
        r"read (your )?minds?|walk on water|time travel)",
        2.0,
    ),
]
NEGATED_CLAIM = re.compile(r"\b(can't|cannot|can not|don't|do not|won't|will not|not|never)\s*$", re.I)
HUMBLE_FRAME = re.compile(
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
    r"that would be)( probably| perhaps| simply)? that\b",
    re.I,
)
VIRTUE_WORDS = (
    r"good|thorough|detailed|careful|committed|dedicated|passionate|ambitious|popular|successful|"
    r"fast|engaging|much|"
    r"invested|rigorous|accurate|effective|responsive|generous|honest|hard-working|eager|"
    r"meticulous|robust|precise|"
    r"diligent|conscientious|exacting|demanding|comprehensive|polished|sophisticated|powerful|quick|reliable|"
    r"focused|obsessive|obsessed|picky|perfect|high|well-engineered|protective|loyal|available"
)
VIRTUE = re.compile(
    rf"\b(too|overly|excessively|over-|almost too|a (little|bit) too|perhaps too|"
    rf"maybe too)\s*({VIRTUE_WORDS})\b|\bcare (too|so) much\b|"
    r"\bover-?(deliver|engineer|prepar|achiev|invest|perform|communicat|document)\w*|\bexceed\w*|\bbeyond the brief\b|"
    r"\bgo(es|ing)? (above and )?beyond\b|\bperfectionis\w*|\bwork too hard\b|\bset (the|our) bar too high\b|"
    r"\bmore (\w+ )?than (most |our |many )?(clients|customers|you|people|anyone|teams)? ?(actually |"
    r"really )?(need|expect|ask)|"
    r"\b(never want|love|enjoy|don't want) to (leave|stop)|\bhigh demand\b|\bso (popular|good|invested|engaged)\b|"
    r"\b(clients|customers|people|patients|users) (love|enjoy|adore)\b",
    re.I,
)
WEAKNESS_QUESTION = re.compile(
    r"\b(weakness|limitations?|not (so |as )?(good|strong)|less (experienced|strong)|isn't your strength|not your strength|"
    r"struggle with|where (are )?you (weak|less))\b",
    re.I,
)
CAPABILITY_QUESTION = re.compile(
    r"\b(do|does|can|could|will|would|have|has|is|are) (you|it|your \w+|the (platform|system|tool|product|model|app)|they)"
    r"( also| already| ever| currently)? (support|handle|do|cover|work with|integrate|read|speak|offer|have|connect|process|"
    r"understand|include|done|worked|built|deal with|run|compatible)",
    re.I,
)
REFUSED_CAPABILITY = re.compile(
    r"^\W*(no\b|not yet|not (at the moment|today|currently|really|right now|directly|out of the box)|nope|"
    r"unfortunately|sadly|"
    r"we (don't|do not|haven't|have not|can't|cannot)|it (doesn't|does not|can't|cannot)|I'm afraid not|"
    # an elliptical answer: "Not a water utility, no." / "Never, as it happens." / "Not as such."
    r"not [^.;,!?]{1,50},\s*(no|not yet|not really)\b|never\b|not (as such|before|once|ever|so far)|"
    r"(?!\W*(yes|yeah|yep|sure|absolutely|of course|definitely|certainly|indeed|we have|we do)\b)[^.;,!?]{1,40},"
    r"\s*(no|not yet)\b(?! (problem|issue|doubt|worries|trouble)))",
    re.I,
)
DENIAL = re.compile(
    r"^\W*(\w+\? )?(honestly,? |to be honest,? |frankly,? |ha,? )?(I'd say |I would say )?(no|not really|nope|"
    r"nah|none|nothing)\b|can't think of (anything|any)|"
    r"struggle to name|nothing (comes to mind|really)|not that I (know|can think)|(we )?don't have any (weak|"
    r"limit)|none that I"
    r"|hard to (name|think of) (anything|any)",
    re.I,
)
HEADING = re.compile(
    r"\b(limitations?|limits|can't|cannot|don't|not|weak\w*|caveats?|honest\w*|constraints|"
    r"out of scope|exclusions?|"
    r"risks?|gaps?|assumptions|won't|aren't|isn't|watch.?outs?|be aware|candid\w*|"
    r"transparen\w*|fine print|dependenc\w*|"
    r"points? to note|please note|considerations)\b",
    re.I,
)
#: "Limitations of generative AI", "Risks of machine learning": limits of the technology, not the partner's own
GENERIC_HEADING = re.compile(
    r"\b(of|in|with) (generative |general |modern |current )?(AI|artificial intelligence|"
    r"machine learning|ML|LLMs?|large language models|language models|the technology|"
    r"technology|algorithms|automation|any (AI|software|model|vendor))\b",
    re.I,
)
CLIENT_HEADING = re.compile(r"\b(your|you|client's|customer's)\b", re.I)
SELF_WORD = re.compile(r"\b(we|our|us|I|my|we're|we've|we'd|I'm|I've|I'd)\b", re.I)
OTHERS = re.compile(r"\b(you|your|you're|you've|yours|they|their|they're)\b", re.I)
SELF_NEGATION = re.compile(
    r"\b(we|I|it|our [\w-]+( [\w-]+)?|the (platform|model|system|tool|product|app|engine))( also| still|"
    r" currently| really)? "
    r"(don't|do not|doesn't|does not|can't|cannot|won't|will not|haven't|have not|hasn't|has not|"
    r"never)\b (?!(just|only|charge|lock|"
    r"need|require|believe|compromise|stop|share|sell|wait|miss|let|store|keep|overpromise|oversell|cut|hide|"
    r"outsource|rely|depend|"
    r"expect|anticipate|foresee|see|think|want|like|ask|bill|hold|leave|tie|force|mind|worry|give|quit|fail|disappoint|jump|"
    r"sacrifice|settle|tolerate|accept|forget|lose|lost|met|found|had|encountered|seen|disrupt|affect|"
    r"interfere|slow|break|harm|"
    r"hurt|cost|waste|pay|bite|leave)\b)[a-z]",
    re.I,
)
UNSUPPORTED = re.compile(
    r"\b(isn't|is not|aren't|are not|not yet) (currently |yet )?(supported|available|"
    r"covered|included|offered)\b",
    re.I,
)
CONDITION = re.compile(r"\b(if|unless|so|when|whether|until|once|as long as)\b", re.I)
STATE = re.compile(r"(is|are|remains|stays|gets|be|was|were)\b", re.I)
ON_THEIRS = re.compile(r"\W*(\w+ ){0,2}(on|in|for|at|of|across|with) (your|their)\b", re.I)
CLAUSE = re.compile(r"[,;:()]|\b(?:that|which|and|but|because|so|while|whereas|although|if|when|unless)\b", re.I)
NEGATIVE = re.compile(
    r"\b(not|no|never|n't|cannot|weak(er|est|ly)?|limited|less|without|only|drops?|"
    r"struggles?|worse|thin|un(reliable|"
    r"proven|tested|supported|available|suitable)|inaccurate|poor\w*|difficult|hard|lower|"
    r"beta|gaps?|little)\b",
    re.I,
)
STRONG_HEADING = re.compile(
    r"\b(limitations?|limits|weak\w*|caveats?|gaps?|not|can't|cannot|don't|won't|"
    r"aren't|isn't|out of scope|"
    r"exclusions?|honest\w*|candid\w*|transparen\w*)\b",
    re.I,
)
