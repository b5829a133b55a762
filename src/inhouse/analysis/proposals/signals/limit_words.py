"""The words of the structural rule: limiting predicates, capability objects, and what is excluded.

Each set is a *category* of word (negations, limiting adjectives, capability verbs and nouns,
conduct verbs, commercial terms), not a list of sentences; :mod:`admission` combines them with
who the actor is. Kept apart from the rule so that the rule reads as a rule.
"""

from __future__ import annotations

import re

NEGATION = r"not|never|no|none|nobody|no one|nothing|neither|nor|cannot|\w+n't"

# Limiting predicates that say, by themselves, that a capability is weak, new, missing or borrowed.
_POOR = (
    r"(is|are|remains|stays|was|were|looks|gets|'s|'re)( \w+){0,2} (poor|poorer|basic|crude|rudimentary|mediocre|"
    r"unreliable|inaccurate|patchy|spotty|hit and miss|hit-and-miss|so-so|unproven|untested|early days)"
)
_OUTSIDE = r"(outside|beyond) (our|my|the team's|what (we|I))|out of our"
_WEAK = (
    r"weak|weaker|weakest|shaky|shakier|shakiest|untested|untried|unproven|unfamiliar|immature|struggles?|"
    r"struggled|wobbles?|falters?|stumbles?|trips? up|falls? (over|down|short)"
)
_NEW_GROUND = (
    r"(new|fresh|unfamiliar|uncharted|unknown|foreign) (\w+ )?(territory|ground|waters|domain|area)"
    r"|(new|a first|a stretch|a reach|a gap|a blind spot|a weak spot) (for|to) (us|me|the team)"
)
_LEARNING = (
    r"(need|needs|have|has) to (learn|validate|verify|prove|test|check|find out|pick up|read up)"
    r"|(be|been) (learning|reading up|picking up|getting up to speed|finding our feet|feeling our way)"
    r"|(would|'d|will|'ll) be (guessing|speculating|improvising)|(be|is|be a) (guess|guesswork|speculation)"
)
_OTHERS_HELP = (
    r"(rely|relies|lean|leans|depend|depends) (heavily )?on(?! (your|the) (feedback|input|data|approval|"
    r"sign-off|cooperation|support|help|time|availability)\b)"
    r"|(partner|team up|subcontract|outsource)\w* (with|to)\b(?! (you|your)\b)"
    r"|bring in (a|an|outside|external|specialist|third|another|other|someone|somebody|people)"
    r"|still need (your|you|a|an|someone|somebody|outside|external|specialist|human)"
)
#: predicates that are about capability by themselves ("we're shakiest on", "our transcription wobbles")
WEAKNESS = re.compile(rf"({_POOR}|{_OUTSIDE}|{_WEAK}|{_NEW_GROUND}|{_LEARNING})", re.I)
RELIANCE = re.compile(rf"({_OTHERS_HELP})", re.I)
#: any limiting predicate: a negation, a limiting word, or one of the above
LIMITER = re.compile(
    rf"\b({NEGATION})\b"
    r"|\b(only|little|few|fewer|limited|thin|thinner|less|newer|patchy|rough|rougher|least|lacks?|lacking)\b"
    r"|\b(degrades?|suffers?|fails? (on|with|at)|breaks? (on|with|down))\b"
    r"|\b(more|higher|twice the|double the|extra) (\w+ )?(errors?|mistakes|false alarms|false positives|misses|"
    r"corrections|rejects)\b"
    r"|\b(suspicion|caution|scepticism|skepticism|pinch of salt)\b"
    rf"|\b({_POOR}|{_OUTSIDE}|{_WEAK}|{_NEW_GROUND}|{_LEARNING}|{_OTHERS_HELP})\b",
    re.I,
)
AFTER_US = re.compile(r"^[\w -]{0,25}?\b((for|to|by) (us|me|the team|our team)|(on|from) our (part|side|end))\b", re.I)
FOR_US = re.compile(r"\b(for|to) (us|me|the team)$|\b(our|my|we|I)\b", re.I)  # "a stretch for us", "outside our"
#: the partner as the complement of a negation: "not our specialty", "isn't where we shine"
COMPLEMENT = re.compile(
    r"^\s+((really|exactly|quite|actually|honestly|necessarily|yet) )?(((in|within|part of|one of) )?(our|my) "
    r"(?!(clients?|customers?|users|partners?|policy|practice|style|way|approach|intention|aim|goal|problem)\b)\w+"
    r"|(something|somewhere|where|what|an area|a thing|the kind of thing|the sort of thing|anything|a field|a domain|"
    r"a market|a sector|part of what|one of the things|a strength)( that| which)? (we|I|our \w+|my \w+)\b)",
    re.I,
)
#: what a partner says it is not: "we're not strong at", "I'm not an expert in", "we aren't set up for"
SELF_STATE = re.compile(
    r"^\s+((really|particularly|especially|very|that|as|so|yet|the|an?|currently) )*(strong|good|great|expert|"
    r"experts|experienced|equipped|set up|qualified|familiar|specialists?|specialised|specialized|right (fit|"
    r"partner|people|team|choice)|best placed|well placed|suited|cut out|versed|skilled|proven|mature|certified|"
    r"accredited|licensed|big enough|large enough)\b",
    re.I,
)
#: "we don't have a food chemist", "we haven't got Arabic speakers" (not "have to", not "any doubts")
POSSESSION = re.compile(
    r"^\s+((yet|currently|really|actually|got|ourselves) )*(have|has|had|got)\b(?! to\b)(?!( any| a| the)? "
    r"(time|concerns?|doubts?|issues?|problems?|worries|plans?|intention|reason|need|secrets|hidden|surprises?|"
    r"agenda)\b)",
    re.I,
)
QUANTITY = re.compile(r"(little|few|limited|thin|very little|scant|sparse)$", re.I)
BENEFIT = re.compile(
    r"^\s+(\w+ )?(time|effort|disruption|involvement|input|risk|overhead|changes?|fuss|paperwork|"
    r"admin|set-?up|work from|burden)\b",
    re.I,
)
THAN_US = re.compile(
    r"\b(more|bigger|larger|finer|harder|tougher|further|deeper|more (complex|ambitious|"
    r"specialised|specialized|demanding|difficult|technical|regulated)) (\w+ )?than (anything |"
    r"what |any \w+ )?(we|I)('ve| have| can| could|'d| had| are able)\b",
    re.I,
)
SHORT_OF = re.compile(
    r"\b(less \w+|slower|weaker|rougher|lower|worse|noisier|patchier|thinner) than (we'd|we would|"
    r"we|I'd|I would) (like|want|wish|hoped|hope|expected)\b",
    re.I,
)
ALL_SO_FAR = re.compile(
    r"\b(all|everything|every \w+)\b[^.;]{0,60}\b(so far|to date|until now|yet)\b[^.;]{0,20}"
    r"\b(was|were|has been|have been) (for|in|with|on|around|about)\b",
    re.I,
)
CERTAINTY = re.compile(
    r"^\W*((honestly|really|yet|currently|fully) )?(promise|guarantee|say|tell|predict|commit|"
    r"estimate|quote|put a (number|date|figure)|know|vouch)\b",
    re.I,
)
CAPABILITY = re.compile(
    r"\b(do|done|did|doing|build|built|ship|shipped|deliver\w*|deploy\w*|run|ran|running|work(s|ed|ing)?|"
    r"handl\w+|support\w*|integrat\w+|connect\w*|read|reads|process\w*|transcri\w+|translat\w+|forecast\w*|"
    r"predict\w*|detect\w*|recogni[sz]\w*|extract\w*|classif\w+|train\w*|tun(e|ed|ing)|test\w*|validat\w+|"
    r"audit\w*|cover\w*|offer\w*|provid\w+|staff\w*|used|tried|try|know\w*|knew|understand\w*|speak\w*|"
    r"model\w*|certif\w+|host\w*|operat\w+|serv(e|ed|ing)|implement\w*|automat\w+|scal(e|ed|ing)|measur\w+|"
    r"learn\w*|cope|manag(e|ed|ing)|master\w*|crack\w*|solv\w+|touch\w*|seen|been (through|in|near|inside)|"
    r"experience\w*|expertise|track record|background|skills?|knowledge|specialists?|experts?|clinicians|"
    r"(?<!your )(?<!their )[a-z]{3,}(?:ists|ians|ers|ors)\b(?!['\u2019])|capacity|headcount|integrations?|connectors?|"
    r"languages?|accents?|dialects?|domain|industry|sector|field|territory|ground|market|deployments?|"
    r"projects?|references|production|accuracy|errors?|false alarms|recall|precision|quality|performance|"
    r"accreditation|certification|coverage|features?|formats?|modules?|on-call|round-the-clock|24/7|hardware|"
    r"sensors?|mobile|android|ios|on-prem\w*|handwrit\w+|sign-off|judg(e)?ment|background|exposure|familiar\w*)\b"
    r"|\b[A-Z]{2,}\b|\b(English|French|German|Spanish|Portuguese|Italian|Dutch|Polish|Arabic|Chinese|Japanese|"
    r"Korean|Welsh|Gaelic|Hindi|Turkish|Russian|Swedish|Norwegian|Danish|Finnish|Greek)\b"
)
CONDUCT = re.compile(
    r"^\W*((\w+ ){0,2})(share|sell|resell|keep|retain|store|lock|charge|bill|invoice|require|ask|force|tie|hide|"
    r"overpromise|oversell|overcharge|spam|disrupt|interfere|compromise|cut|disappear|vanish|walk away|leave|hold|"
    r"own|access|move|transfer|send|bother|waste|distract|rush|push|pressure|impose|mark up|add|need|expect|"
    r"believe|think|see (why|a|any|the need)|doubt|mind|worry|hesitate|wait|stop|stops|stopped|quit|give up|want|"
    r"like|intend|plan|mean|recommend (that|it)|use (your|customer|client|personal|patient|any of your)|train on|"
    r"take (your|ownership)|let|make you|tolerate|accept|settle|sacrifice|forget|pretend|subcontract|outsource|"
    r"replace (your|people|staff|anyone|jobs)|touch (your|production|live)|sleep|rest|jump|mess|play|hand (off|over)|"
    r"chase|overwork|nickel|surprise|pass on|juggle|walk|go (away|anywhere|quiet|dark)|"
    # handling data is a promise about conduct: "we don't process data outside the EU", "we never read your emails"
    r"(process|handle|use|store|keep|move|send|transfer|copy|hold|access|export|log|read|see|look at|train on) "
    r"(((any|your|the|customer|client|personal|patient|raw|card|user|staff|their) ){0,2}(emails?|messages|files|"
    r"documents|conversations|calls|numbers)|([\w-]+ ){0,2}(data|information|details|records)))\b",
    re.I,
)
FAILURE = re.compile(
    r"^\W*((\w+ ){0,2})(miss|misses|missed|missing|lose|loses|lost|losing|fail|fails|failed|failing|"
    r"let \w+ down|"
    r"overrun|overran|slip|slips|slipped|break|breaks|broke|broken|disappoint\w*|drop|drops|"
    r"dropped|held \w+ back|hold \w+ back|"
    r"slowed \w+ down|fazed|beaten|been beaten)\b",
    re.I,
)
COMMERCIAL = re.compile(
    r"\b(fees?|costs?|charges?|price|pricing|invoices?|contracts?|commitment|minimum|lock-in|obligation|pilots?|"
    r"trials?|terms?|subscriptions?|discounts?|deposits?|penalt\w+|exit|set-?up|upfront|payments?|hidden|"
    r"surprises?|extras?|chargeable|billable|retainer|notice period|auto-?renew\w*|interruption|agreements?|deals?|"
    r"card|credit card|strings|catch|owed|changes hands|goes to|"
    r"plans?|packages?|seats?|sells?|selling|upsell\w*|commercially)\b",
    re.I,
)
OFFER_TERMS = re.compile(
    r"\b(pilots?|trials?|contracts?|terms?|fees?|discounts?|subscriptions?|deals?|agreements?|"
    r"licen[cs]es?|packages?|invoicing|payments?|commitments?|minimums?)\b",
    re.I,
)
OFFER_PHRASE = re.compile(
    r"\b(this|that|the|our|these|those|my|an?)( [\w-]+)? (offer|pricing|price|discount|deal|contract|"
    r"agreement|pilot|trial|licen[cs]e|subscription|rate|terms)\b",
    re.I,
)
COMMERCIAL_OBJECT = re.compile(
    r"^\W*((really |usually |normally |generally |typically |tend to |as a rule )?(do|does|did|run|runs|offer|offers|have|has|had|require|requires|need|needs|sign|charge|charges|ask for|"
    r"impose|sell|push|believe in|like|want|use|lock \w+ into|tie \w+ (into|to)|make)\s+([\w-]+\s+){0,2})?((any|a|an|"
    r"the|our|your|"
    r"hidden|extra|additional|long|lengthy|annual|multi-year|long-term|upfront|separate|free|paid|ongoing|further|"
    r"minimum|fixed|monthly|yearly|per-seat|onboarding|implementation|cancellation|termination|early|big|large|"
    r"expensive|costly|surprise|\w+-\w+|single|group)\s+){0,3}" + COMMERCIAL.pattern[2:],
    re.I,
)
#: refusing a small first step as a commercial practice, at the negation: "we do not do pilots, because...",
#: "we don't offer trials", "we never really run proofs of concept" - how the partner sells, not what it can do
#: ("we can't run a pilot on your data yet" is an inability and stays a limit)
REFUSED_PRACTICE = re.compile(
    r"\W*(?:(?:we|I)\s+)?(?:(?:really|usually|normally|generally|typically|ever|as a rule|in general),?\s+)?"
    r"(?:don't|do not|never|won't|will not|no longer|doesn't|does not)\s+(?:(?:really|usually|normally|generally|"
    r"typically|ever|tend to)\s+)?(?:do|does|offer|offers|run|runs|provide|sell|give|start with|agree to|believe in|"
    r"like|propose|quote for)\s+(?:[\w-]+\s+){0,2}?(?:pilots?|trials?|pocs?|povs?|proofs?[- ]of[- ](?:concept|value)|"
    r"test runs?|trial periods?|pilot (?:projects?|phases?))\b",
    re.I,
)
#: withholding a past client's contact or name, at the negation: "we cannot give contacts there", "I can't share
#: their names" - a confidentiality matter about a reference, not a limit of what the partner can do
WITHHELD_CONTACT = re.compile(
    r"\W*(?:(?:we|I)\s+)?(?:can't|cannot|can not|won't|will not|don't|do not|are not allowed to|aren't allowed to|"
    r"are not permitted to|may not|must not)\s+(?:give|share|provide|pass on|hand out|disclose|reveal)\s+"
    r"(?:you\s+|out\s+)?(?:(?:any|their|the|a|our|his|her|direct|client|customer)\s+){0,2}"
    r"(?:contacts?|contact details|names?|phone numbers?|e-?mail addresses|introductions?)\b",
    re.I,
)
IDIOM = re.compile(
    r"^(-|\W*(just|only|merely|simply|less than|more than|least|matter|doubt|wonder|problem|issue|trouble|"
    r"worries|worry|exception|surprise|different|differently|better|worse off|hesitation|shortage of|end of|"
    r"than)\b)",
    re.I,
)
PURPOSE = re.compile(r"\bso( that)? (we|I|it|the \w+|our \w+|nobody|no one)( \w+)?\s*$", re.I)
HELD = re.compile(r"\b(has|have|had|'ve|seen|done|built|with|run|handled)\b[\w ]*$", re.I)
OF_EXPERIENCE = re.compile(
    r"^\s+(\w+ )?(experience|data|exposure|references|projects|deployments|customers|clients|"
    r"mature|accurate|reliable|precise|robust|tested|proven|familiar|experienced|examples)\b",
    re.I,
)
INDEFINITE_RELATIVE = re.compile(r"\b(a|an|any|some)( [\w-]+){1,2} (that|which|who)( \w+)?\s*$", re.I)
CONDITION = re.compile(
    r"\b(if|unless|whether|in case|as long as|provided|so that|in order to|to make sure|"
    r"to ensure|even if|when|whenever)\b",
    re.I,
)
INDIRECT = re.compile(
    r"\b(ask\w*|wonder\w*|know|question|curious)( us| me| you)? (where|whether|what|how|if|why)\b"
    r"[^.;]*$",
    re.I,
)
REPORTED = re.compile(
    r"\b(you|your \w+|they|\w+ \w+) (told|showed|said|mentioned|explained|described|"
    r"warned)( us| me)?( that)?\s",
    re.I,
)
CLAUSE_START = re.compile(r"[;:()]|\s[-–—]\s|,\s*(but|and|so|because|while|whereas|although|though)\b", re.I)
NEUTRAL_SUBJECT = re.compile(
    r"\b(it|this|that|these|those|the (system|model|platform|tool|engine|product|"
    r"pipeline|app|software|assistant|service))\s+((has|have|is|are|does|do|will|would|"
    r"can|could|was|were|had|did|still|also)\s+)?$",
    re.I,
)


# --- the other way round: limits denied, and virtues dressed as limits ----------------------------

LIMIT_NOUN = (
    r"(limits?|limitations?|ceilings?|weakness(es)?|gaps?|blind spots?|walls?|boundaries|shortcomings?|"
    r"weak (spots?|points?|areas?))"
)
DENIED = re.compile(
    r"\b(no|zero|without any|(haven't|have not|never|not once|(have|has|are|is) yet to)( yet| ever)? (hit|found|find|met|meet|"
    r"reached|reach|run into|come across|seen|see)( a| any)?)\s+(real |known |significant |obvious |\w+ )?"
    + LIMIT_NOUN
    + r"\b(?! (on|to|in) (the number|users|seats|calls|queries|storage|volume|how many|usage))"
    r"|\b(foresee|see|expect|anticipate|envisage|envision|predict)( absolutely| no| any)? (no|zero) (\w+ )?(obstacles|"
    r"problems|issues|difficulties|hurdles|challenges|risks|limitations|roadblocks)\b"
    r"|\b(struggle|hard-pressed|hard pressed|be pushed|be hard put) to (name|think of|find|point to|come up with|list)\b"
    r"|\bthe only things? (\w+ ){0,3}(can't|cannot|don't|won't|couldn't) do\b"
    r"|\b(not once|never once|never|not)\b[^.;!?]{0,50}\b(had|needed|were forced|have had) to ((give|hand|send) (\w+ ){0,2}"
    r"back|turn (\w+ )?down|walk away|decline|refuse|say no|pass on|give up)\b"
    r"|\b(nothing|none of (this|it|that|these)|no part of (this|it|that|your \w+))\b[^.;!?]{0,50}\b(outside|beyond|"
    r"out of) (our|my)\b"
    r"|\bno (\w+ ){0,2}(where|in which|on which|that) (we|it|our \w+|I) (\w+ )?(fall short|struggle|lag|fail|are (weak|"
    r"weaker|behind|less))\b",
    re.I,
)
DOUBLE = re.compile(
    r"\b(no|nothing|not a|not one|not a single|isn't a|is not a|isn't anything|is not anything|not anything|"
    r"there's no|there is no|(never|yet to|have yet to) (met|meet|seen|see|found|find|hit|had|come across|"
    r"encounter|encountered))"
    # "no, we do not have X": a "no" that answers, set off by a comma or a dash, quantifies nothing
    r"\b(?! (reason|way|need|chance|doubt|problem|issue|matter|question|obligation|commitment)\b)(?!\s*[,:\u2013\u2014-])"
    r"([^.;!?]{0,70}?)"
    r"\b(can't|cannot|couldn't|don't|do not|haven't|have not|wouldn't|won't|didn't|did not|hasn't|doesn't)\b",
    re.I,
)
PRODUCT = re.compile(r"\b(it|the (platform|engine|system|model|tool|product|team))\b", re.I)
FRAME = re.compile(
    r"\b(weakness(es)?|limitations?|downsides?|drawbacks?|flaws?|faults?|criticisms?|complaints?|"
    r"catch|gripes?|knocks? on us|shortcomings?|cons|minus(es)?)\b",
    re.I,
)
EXCESS = re.compile(
    r"\b(too|overly|excessively)\s+(\w+)|\bso (\w+ ){1,4}?(that|they|we|people|clients|customers|users)\b"
    r"|\bmore (\w+ ){0,3}than (\w+ ){0,4}(need|needs|needed|read|use|want|wanted|expect|expected|ask|asked)\b"
    r"|\bover-?(deliver|engineer|prepar|document|communicat|invest|achiev)\w*",
    re.I,
)
DEFECT = {
    "slow",
    "expensive",
    "costly",
    "small",
    "young",
    "new",
    "inexperienced",
    "limited",
    "coarse",
    "noisy",
    "inaccurate",
    "unreliable",
    "late",
    "heavy",
    "narrow",
    "thin",
    "weak",
    "busy",
    "stretched",
    "junior",
    "early",
    "immature",
    "basic",
    "rough",
    "complex",
    "big",
    "large",
    "far",
    "generic",
    "manual",
    "long",
    "specialised",
    "specialized",
    "hard",
    "difficult",
    "few",
    "fragile",
    "brittle",
    "risky",
}
