"""The rule sets as data: judicial titles, courts, outcome verbs, motions, boilerplate, officials.

Everything here is a plain table (strings, tuples, dicts) so the lexicons read easily and grow by
adding a line. The extractor modules compile these into regular expressions once, at import.
Regular-expression fragments are written for the quote-normalised text (straight quotes only).
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A readable word list: one string, split on whitespace."""
    return frozenset(text.split())


# --- letters --------------------------------------------------------------------------------------
UPPER = "A-ZÀ-ÖØ-Þ"
LOWER = "a-zß-öø-ÿĀ-ž"

# --- sentence splitting ---------------------------------------------------------------------------
# A period after these never ends a sentence.
NEVER_FINAL_ABBREVIATIONS = words(
    """mr mrs ms dr prof gov sen rep gen lt col sgt capt cmdr adm atty supt insp det
    jan feb mar apr jun jul aug sep sept oct nov dec no nos vs v st ft mt messrs hon rev
    ariz calif colo conn fla ga ill ind kan ky md mass mich minn miss mo mont neb nev okla ore
    pa tenn tex va vt wash wis wyo ala ark del la
    cir fed supp app ct"""
)
# A period after these ends a sentence only when a typical sentence opener follows.
MAYBE_FINAL_ABBREVIATIONS = words(
    "inc co corp ltd llc lp llp plc u.s d.c a.m p.m jr sr al etc bros n.y n.j"
)
SENTENCE_OPENERS = words(
    """The A An In On At It He She They We I But And Or So That This These Those His Her Its Their
    Our Under After Before When While If As Although Though Lawyers Attorneys Prosecutors
    Judge Justice Officials Neither Both Some Many Most One Two Three Still Yet Meanwhile
    However Instead"""
)

# --- boilerplate ----------------------------------------------------------------------------------
# Whole paragraphs matching any of these (case-insensitive, searched) are dropped.
BOILERPLATE_PARAGRAPHS = (
    r"^by [A-Z][\w.'’\- ]{1,60}(?:[,|] ?[\w.'’\- ]{1,60})?$",
    r"^(?:reporting|additional reporting|writing|editing) by\b",
    r"^\((?:reporting|additional reporting|writing|editing) by\b",
    r"^\((?:adds|updates|recasts|corrects|changes)\b",
    r"^(?:related|read more|see also|more|also read|watch|listen)\s*:",
    r"subscribe\b.{0,80}\b(?:newsletter|inbox|access|updates)",
    r"^(?:sign up|click here|tap here|get (?:breaking|the latest)|stay up to date)\b",
    r"\bfollow us on\b",
    r"\ball rights reserved\b",
    r"^©|^copyright \d{4}",
    r"^(?:for immediate release|news release|press release|media contact|press contact)\b",
    r"^(?:###|-30-|—30—|\*\*\*)$",
    r"^(?:have a (?:news )?tip|got a (?:news )?tip)\b",
    r"^posted in\b.{0,80}\|",
    r"already a subscriber",
    r"^(?:share|tweet|email|print|comments?)(?: this (?:story|article))?\s*$",
    r"^(?:advertisement|sponsored content)\s*$",
    r"^(?:photo|image|file photo)\s*:",
    r"^(?:our standards|the thomson reuters trust principles)\b",
    r"^(?:this story|this article) (?:has been|was) (?:updated|corrected)\b",
)
# A paragraph must contain one of these before the patterns above without "^" are tried.
BOILERPLATE_KEYWORDS = ("subscri", "follow us", "rights reserved")
# A paragraph matching one of these ends the article body (press-release end marks, footers).
END_OF_BODY = (r"^(?:###|-30-|—30—)\s*$", r"^about (?:the )?[A-Z][\w&.' -]{2,60}\s*$")

# Wire prefixes on headlines.
HEADLINE_PREFIX = r"^(?:UPDATE \d+|REFILE|CORRECTED|EXCLUSIVE|BREAKING|WRAPUP \d+)\s*[-:—–]\s*"

# "WASHINGTON (Reuters) - ", "COLUMBUS, Ohio — ", "ST. PAUL — " at the start of the first paragraph.
DATELINE = (
    r"^(?:[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})(?:, [A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?)?)?"
    r"(?: \([A-Za-z .&]{2,30}\))? ?[—–-]{1,2} ?"
)

# --- judges ---------------------------------------------------------------------------------------
# Titles printed before a judge's name, longest first (a plural "s" is accepted after each).
JUDGE_TITLES = (
    "Chief U.S. District Judge",
    "Senior U.S. District Judge",
    "U.S. District Judge",
    "U.S. District Court Judge",
    "U.S. Magistrate Judge",
    "U.S. Bankruptcy Judge",
    "Chief U.S. Bankruptcy Judge",
    "U.S. Circuit Judge",
    "Senior U.S. Circuit Judge",
    "Chief U.S. Circuit Judge",
    "U.S. Court of International Trade Judge",
    "U.S. Court of Federal Claims Judge",
    "U.S. Tax Court Judge",
    "Chief District Judge",
    "Senior District Judge",
    "District Judge",
    "District Court Judge",
    "Chief Circuit Judge",
    "Senior Circuit Judge",
    "Circuit Judge",
    "Circuit Court Judge",
    "Chief Magistrate Judge",
    "Magistrate Judge",
    "Chief Bankruptcy Judge",
    "Bankruptcy Judge",
    "Chief Administrative Law Judge",
    "Administrative Law Judge",
    "Chief Immigration Judge",
    "Immigration Judge",
    "Superior Court Judge",
    "Supreme Court Justice",
    "State Supreme Court Justice",
    "Family Court Judge",
    "Probate Judge",
    "Probate Court Judge",
    "Juvenile Court Judge",
    "Municipal Court Judge",
    "State Court Judge",
    "Common Pleas Judge",
    "Court of Common Pleas Judge",
    "Criminal Court Judge",
    "Civil Court Judge",
    "County Judge",
    "Appellate Judge",
    "Appeals Court Judge",
    "Presiding Judge",
    "Presiding Justice",
    "Associate Justice",
    "Chief Justice",
    "Acting Justice",
    "Chief Judge",
    "Senior Judge",
    "Vice Chancellor",
    "Chancellor",
    "Justice",
    "Judge",
)
# "Tasker County Circuit Judge", "Polk County District Judge", "Cook County Judge".
COUNTY_JUDGE_TITLE = (
    r"(?:[{U}][{L}]+ ){{1,3}}(?:County|Parish) (?:(?:Circuit|District|Superior|Probate|Family"
    r"|Juvenile|Chancery|Common Pleas|State|Municipal|Criminal|Civil|Court of Common Pleas)"
    r" )?(?:Court )?Judge"
)
# Titles that mark a trial-level (or agency) judge: never an appellate panel member.
TRIAL_TITLE_WORDS = (
    "District",
    "Magistrate",
    "Bankruptcy",
    "Superior",
    "County",
    "Parish",
    "State Court",
    "Chancellor",
    "Probate",
    "Family",
    "Juvenile",
    "Municipal",
    "Common Pleas",
    "Criminal Court",
    "Civil Court",
    "Immigration",
    "Administrative Law",
)
APPELLATE_TITLE_WORDS = ("Circuit Judge", "Appellate", "Appeals Court", "Presiding", "Justice")
# Tokens that can never be (or end) a judge's name.
NAME_STOPWORDS = words(
    """The A An In On At Of For And But Or To By From With Court Courts County District Circuit
    State States Federal Department Dept Ministry Advocate General Office Board Commission
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Jan Feb Aug Sept Oct Nov Dec
    Wrote Said Ruled Says Rules Blocks Blocked Orders Ordered Denies Denied Grants Granted
    Dissenting Concurring Writing Joined Majority Republican Democrat Democrats Republicans
    U.S. Supreme Appeals Chief Senior Presiding Associate Circuit Judge Judges Justice Justices
    Administration Act Amendment Constitution Clause Trump Biden Because When After Although If
    While Since Before Under Then So Also Both Neither Only Even"""
)
NAME_PARTICLES = ("de", "del", "della", "der", "den", "van", "von", "da", "di", "du", "la", "le")
NAME_SUFFIXES = ("Jr.", "Sr.", "II", "III", "IV")

# --- officials (stripped from party names: "Treasury Secretary Scott Bessent" -> "Scott Bessent")
OFFICIAL_TITLE_WORDS = words(
    """Secretary Commissioner Director Administrator Chief Superintendent Governor Gov. Mayor
    Chairman Chairwoman Chair Chairperson President Sheriff Warden Treasurer Clerk Recorder
    Registrar Comptroller Auditor Attorney General Sen. Senator Rep. Representative Minister
    Commander Officer Manager Supervisor Head Leader Dean Principal Trustee Executive
    Inspector Agent Marshal Collector Assessor Controller Speaker Lt. Deputy Acting Former
    former Dr. Mr. Mrs. Ms. Prof. resident Resident"""
)
# Roles that are never parties (people quoted about the case).
NON_PARTY_ROLES = (
    r"spokes(?:wo)?m[ae]n|spokesperson|press secretary|attorneys?|lawyers?|counsel|"
    r"representatives?|analysts?|professors?|experts?|advocates?|commentators?|reporters?"
)
# Lower-case words one of which every match of NON_PARTY_ROLES contains.
NON_PARTY_ROLE_WORDS: tuple[str, ...] = (
    "spokes", "press secretary", "attorney", "lawyer", "counsel", "representative", "analyst",
    "professor", "expert", "advocate", "commentator", "reporter",
)  # fmt: skip

# --- organisations --------------------------------------------------------------------------------
ORG_WORDS = words(
    """Inc. Inc LLC L.L.C. LP LLP PLC Co. Co Corp. Corp Corporation Company Ltd. Ltd Group Holdings
    Partners Association Alliance Coalition Council Committee Union Federation Foundation
    Institute Center Centre Centro Project Network Society League Fund Trust Bank System Systems
    Services Service Department Agency Administration Bureau Office Board Commission Authority
    University College School Schools District City County State Town Township Village Commonwealth
    Republic Government Congress Senate House Legislature Police Sheriff's Hospital Clinic Church
    Records Media Network Airlines Industries Technologies Labs Solutions Capital Ventures Apps
    Enterprises Manufacturers Retailers Workers Employees Parents Neighbors Friends Library
    Democrats Republicans Party Campaign Club Press News Times Post Journal Tribune Reporters
    Counsel Defenders Union Unidos Solidarity Association's IRS FBI EPA FDA FTC SEC DHS ICE
    USDA HHS DOJ DOE DOT FCC FEC NLRB CMS FEMA OSHA MSHA CFPB"""
)
# "X and Y" inside one organisation's name (never split there).
JOINT_NAME_PHRASES = (
    "Health and Human Services",
    "Food and Drug",
    "Food and Nutrition",
    "Fish and Wildlife",
    "Housing and Urban Development",
    "Safety and Health",
    "Alcohol, Tobacco, Firearms and Explosives",
    "Tobacco, Firearms and Explosives",
    "Firearms and Explosives",
    "Immigration and Customs",
    "Customs and Border",
    "Securities and Exchange",
    "Medicare and Medicaid",
    "Labor and Industry",
    "Labor and Workforce",
    "Parks and Recreation",
    "Planning and Zoning",
    "Science and Technology",
    "Arts and Sciences",
    "Research and Development",
    "Consumer and Business",
    "Commerce and Industry",
    "Energy and Natural Resources",
    "Land and Natural Resources",
    "Environment and Natural Resources",
    "Fish and Game",
    "Game and Fish",
    "Transportation and Infrastructure",
    "Trade and Industry",
    "Banking and Finance",
    "Insurance and Financial",
    "Licensing and Regulatory",
    "Employment and Training",
    "Elections and Ethics",
    "Water and Power",
    "Sewer and Water",
    "Light and Power",
    "Gas and Electric",
    "Procter and Gamble",
    "Johnson and Johnson",
    "Management and Budget",
    "Disease Control and Prevention",
    "Citizenship and Immigration",
    "Immigration and Naturalization",
    "Alcohol and Tobacco Tax and Trade",
    "Engraving and Printing",
    "Standards and Technology",
    "Corrections and Rehabilitation",
    "Family and Protective Services",
    "Children and Family Services",
    "Children and Families",
    "Agriculture and Markets",
    "Wildlife and Fisheries",
    "Parks and Wildlife",
    "Licensing and Regulation",
    "Labor and Employment",
    "Public Health and Environment",
    "Health and Environment",
    "Health and Senior Services",
    "Health and Hospitals",
    "Mental Health and Addiction",
    "Natural Resources and Environmental Control",
    "Homeland Security and Emergency",
    "Taxation and Revenue",
    "Ways and Means",
    "Energy and Commerce",
    "Oversight and Accountability",
    "Oversight and Government Reform",
    "Oversight and Reform",
    "Education and the Workforce",
    "Police and Fire",
    "Fire and Rescue",
    "Disease Control and Prevention",
    "Responsibility and Ethics",
    "Church and State",
    "Individual Rights and Expression",
    "Fair and Affordable",
    "Freedom and Justice",
)
# Capitalised head words of organisation names that go on with "for" and a capitalised word
# ("Alliance for Hippocratic Medicine", "Centers for Disease Control and Prevention", "Office for
# Civil Rights"): a list of parties read after "by" or "sued" does not end at that "for".
FOR_NAME_HEADS = words(
    """Center Centers Centre Alliance Americans Citizens Students Coalition Committee Campaign
    Lawyers Doctors Physicians Advocates Moms Mothers Parents Families Office Council Institute
    Foundation Fund Association League Project Network Partnership Society Movement Initiative
    Federation Organization Administration Agency Clinic Consortium Collaborative Partners Voters
    Women Veterans Teachers Scientists Nurses Californians Texans Floridians Ohioans Neighbors
    Neighbours Residents Taxpayers Communities Workers Farmers Businesses Republicans Democrats
    Conservatives Catholics"""
)
# Head nouns that mark a name holding "Justice" as an organisation ("Equal Justice Initiative",
# "Justice Department", "Institute for Justice"), not a justice of a court.
JUSTICE_ORG_HEADS = words(
    """Department Dept. Project Center Centers Centre Initiative League Institute Fund Coalition
    Network Alliance Foundation Committee Council Office Campaign Collaborative Partnership
    Society Association Organization Clinic Movement Lab Action Ministries"""
)
# Lower-case anaphors naming a party introduced earlier, with the capitalised heads they resolve to.
ANAPHOR_HEADS = {
    "department": ("Department",),
    "agency": ("Agency", "Administration", "Service", "Department", "Bureau", "Commission"),
    "city": ("City",),
    "county": ("County",),
    "district": ("District",),
    "school district": ("School District",),
    "board": ("Board",),
    "company": ("Inc.", "LLC", "Co.", "Corp.", "Corporation", "Company", "Ltd.", "LP"),
    "commission": ("Commission",),
    "university": ("University",),
    "state": ("State of",),
}
# Plural nouns that make a counted group a party ("14 parents", "coalition of 19 states").
GROUP_NOUNS = (
    r"states|cities|counties|parents|residents|voters|professors|retailers|plaintiffs|workers|"
    r"employees|students|families|patients|doctors|nurses|teachers|groups|organizations|"
    r"organisations|businesses|companies|tenants|immigrants|recipients|members|co-writers|"
    r"consumers|investors|farmers|landowners|inmates|prisoners|detainees|officers|veterans|"
    r"recorders|clerks|hospitals|districts|municipalities|tribes|nonprofits|individuals|people|"
    r"protesters|users|customers|drivers|renters|homeowners|shareholders|borrowers|journalists|"
    r"artists|authors|churches|migrants|asylum seekers|refugees|children|survivors|victims|"
    r"contractors|landlords|universities|colleges|schools|unions|physicians|pharmacies"
)
NUMBER_WORDS = (
    r"\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|dozens of|several|a dozen|a group of"
)
# Collective subjects that are never a party by themselves.
GENERIC_PARTY_WORDS = words(
    """they them it he she we the states plaintiffs defendants groups parents cities
    government administration challengers petitioners respondents lawyers attorneys
    officials prosecutors he she his her its their company agency department city state"""
)

# --- courts ---------------------------------------------------------------------------------------
ORDINALS = [
    "First",
    "Second",
    "Third",
    "Fourth",
    "Fifth",
    "Sixth",
    "Seventh",
    "Eighth",
    "Ninth",
    "Tenth",
    "Eleventh",
    "Twelfth",
    "Thirteenth",
    "Fourteenth",
]
US_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|"
    "Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|"
    "Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|"
    "New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|"
    "Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
    "West Virginia|Wisconsin|Wyoming|Puerto Rico|Guam"
)
# New York's Supreme Court is the state's general trial court (its appeals court is the Appellate
# Division, its top court the Court of Appeals); reporters name it by borough, county or city.
# A borough or county seat printed with it, and the county whose court sits there.
NY_PLACE_COUNTIES = {
    "Manhattan": "New York",
    "Brooklyn": "Kings",
    "the Bronx": "Bronx",
    "Bronx": "Bronx",
    "Queens": "Queens",
    "Staten Island": "Richmond",
    "Albany": "Albany",
    "Buffalo": "Erie",
    "Rochester": "Monroe",
    "Syracuse": "Onondaga",
    "White Plains": "Westchester",
    "Mineola": "Nassau",
    "Riverhead": "Suffolk",
    "Poughkeepsie": "Dutchess",
}
# The boroughs, printed before "Supreme Court" ("Manhattan Supreme Court").
NY_BOROUGHS = ("Manhattan", "Brooklyn", "Bronx", "Queens", "Staten Island")
# New York's 62 counties, printed before "County Supreme Court".
NY_COUNTIES = (
    *words(
        """Albany Allegany Bronx Broome Cattaraugus Cayuga Chautauqua Chemung Chenango Clinton
        Columbia Cortland Delaware Dutchess Erie Essex Franklin Fulton Genesee Greene Hamilton
        Herkimer Jefferson Kings Lewis Livingston Madison Monroe Montgomery Nassau Niagara Oneida
        Onondaga Ontario Orange Orleans Oswego Otsego Putnam Queens Rensselaer Richmond Rockland
        Saratoga Schenectady Schoharie Schuyler Seneca Steuben Suffolk Sullivan Tioga Tompkins
        Ulster Warren Washington Wayne Westchester Wyoming Yates"""
    ),
    "New York",
    "St. Lawrence",
)
# Words of an article's headline or lead that place it in New York.
NY_MARKERS = (
    r"\bNew York\b|\bManhattan\b|\bBrooklyn\b|\bBronx\b|\bQueens\b|\bStaten Island\b|\bN\.Y\."
    r"|\bCounty Supreme Court\b"
)
# Adjudicating agencies whose judges decide cases.
AGENCY_TRIBUNALS = {
    "National Labor Relations Board": ("NLRB",),
    "Federal Mine Safety and Health Review Commission": (),
    "Occupational Safety and Health Review Commission": ("OSHRC",),
    "Merit Systems Protection Board": ("MSPB",),
    "Board of Immigration Appeals": ("BIA",),
    "Federal Labor Relations Authority": ("FLRA",),
    "Patent Trial and Appeal Board": ("PTAB",),
    "U.S. International Trade Commission": ("ITC",),
    "Federal Energy Regulatory Commission": ("FERC",),
    "Equal Employment Opportunity Commission": ("EEOC",),
    "Securities and Exchange Commission": ("SEC",),
    "Federal Trade Commission": ("FTC",),
}
# Words one of which every full name above holds.
AGENCY_TRIBUNAL_WORDS = ("Board", "Commission", "Authority")
# Capitalised words that may stand before a trial court's name without being a place in it
# ("Tuesday Superior Court Judge", "the Sixth Judicial Circuit Court", "Federal District Court").
NOT_PLACE_WORDS = words(
    """The A An In On At By For From Of To With And But Or So Then When While After Before Since
    Until Last Next This That These Those Its Their His Her Our Your Federal United State States
    National Judicial Northern Southern Eastern Western Middle Central Former Retired Chief
    Presiding Senior Acting Assistant Deputy Judge Justice Yesterday Today Tomorrow Earlier Later
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
    July August September October November December Appeals Appellate Bankruptcy Court Superior
    Circuit District Chancery Probate"""
)
# Mentions of a court as the destination of an appeal or the author of the ruling under review.
COURT_DESTINATION_CUES = (
    r"(?:appeal|appeals|appealed|appealing|petition|petitioned|ask|asked|asking|seek|seeking|"
    r"sought|review (?:from|by)|rehear|rehearing|take the case|go to|goes to|head to|heads to|"
    r"returns? to|sent back to|remanded to|en banc) (?:\w+ ){0,6}$"
)

# --- outcome --------------------------------------------------------------------------------------
# Precedence of outcome classes (first that fits wins).
OUTCOME_PRECEDENCE = (
    "sentenced",
    "approved",
    "struck_down",
    "upheld",
    "blocked",
    "dismissed",
    "reversed",
    "affirmed",
    "ruled_for_plaintiffs",
    "ruled_for_defendants",
    "granted",
    "denied",
    "other",
)
LAW_NOUNS = (
    r"law|laws|statute|statutes|rule|rules|regulation|regulations|policy|policies|ban|bans|cap|"
    r"limit|limits|ordinance|ordinances|requirement|requirements|standards?|mandate|mandates|"
    r"executive order|program|programs|measure|act|provision|provisions|restrictions?|map|maps|"
    r"guidance|tariffs?|conditions|plan|order|orders|moratorium|memo|memorandum|directive|"
    r"amendment|initiative|proposition|deadline|system"
)
AFFIRM_NOUNS = (
    r"conviction|convictions|sentence|sentences|verdict|verdicts|ruling|rulings|decision|"
    r"decisions|judgment|judgments|dismissal|award|award|win|finding|findings|injunction|order "
    r"by|death sentence|damages"
)
CASE_NOUNS = (
    r"lawsuit|lawsuits|suit|suits|case|cases|claims?|charges?|indictment|complaint|petition|"
    r"challenge|appeal|action"
)
REQUEST_NOUNS = (
    r"motion|motions|request|requests|petition|petitions|application|applications|bid|bids|"
    r"injunction|stay|appeal|relief|bail|writ|order|restraining order|TRO|effort|attempt|"
    r"objections?|demand"
)
# Verbs that review, appeal or let stand an earlier decision: a relative clause on the decision
# they take ("upheld a ruling that blocked the law") tells what that decision did, not the news.
REVIEW_VERBS = (
    r"affirm(?:ed|s|ing)?|uph(?:eld|olds?|olding)|revers(?:ed|es|ing|e)|overturn(?:ed|s|ing)?|"
    r"vacat(?:ed|es|ing|e)|set(?:s|ting)? aside|(?:threw|throws?|thrown|tossed|tosses|toss) out|"
    r"toss(?:ed|es)?|reinstat(?:ed|es|ing|e)|reviv(?:ed|es|ing|e)|wipe[sd]? out|"
    r"l(?:et|ets|etting|eft|eaves?|eaving) (?:\w+ )?(?:stand|in place|intact|undisturbed)|"
    r"lift(?:ed|s|ing)?|dissolv(?:ed|es|ing|e)|stay(?:ed|s|ing)?|paus(?:ed|es|ing|e)|"
    r"reject(?:ed|s|ing)?|appeal(?:ed|s|ing)?|challeng(?:ed|es|ing|e)|review(?:ed|s|ing)?|"
    r"(?:dis)?agree(?:d|s|ing)? with|disturb"
)
REVIEWED_DECISION_NOUNS = (
    r"rulings?|decisions?|judgments?|orders?|injunctions?|verdicts?|opinions?|findings?|"
    r"determinations?|awards?|dismissal|convictions?|decrees?"
)
# A word of an earlier court's decision: the law noun after it ("vacated an injunction against
# the ban", "threw out the judge's order") is what that decision was about, not the thing undone.
_NOT_DECISION = (
    r"(?!(?:injunctions?|rulings?|decisions?|judgments?|verdicts?|convictions?|awards?|"
    r"judge's|court's|lower[- ]court|trial[- ]court)\b)"
)
# "ruled that", "held Monday that", "found on Friday that": a court's holding follows.
_HELD_THAT = (
    r"(?:ruled|rules|held|holds|found|finds|concluded|concludes|determined|declared) "
    r"(?:(?:on |late |early )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"today|yesterday|\w+ly) )?that "
)
# A word that turns a holding the other way ("that the town had not violated", "that the
# plaintiffs failed to show ...").
_NOT_NEGATION = (
    r"(?!(?:not|never|no|failed|fail|fails|didn't|did|does|doesn't|neither|nor|nothing|"
    r"insufficient|unable|lacked|lack)\b)"
)
# Who, having violated rights, loses in a criminal case as often as in a suit (a search held
# unlawful helps the accused), and a court held to have erred: a holding about them names no
# side.
_NOT_POLICE = (
    r"(?!(?:police|officers?|prosecutors?|agents?|deputies|troopers?|investigators?|"
    r"detectives?|judges?|courts?|jury|juries|trial|magistrates?)\b)"
)
# A party held to have broken the law, but not the terms of a sentence, a bail or an order, nor
# an accused's rights (a criminal or contempt matter, no win for a plaintiff).
_VIOLATED = (
    r"(?:violated|illegally|unlawfully|breached|infringed|discriminated|retaliated)\b"
    r"(?! (?:\S+ ){0,5}(?:probation|parole|bail|release|supervised|plea|gag order|"
    r"court order|court's order|defendant's|defendants'|accused)(?!\w))"
)
# Verb patterns: (regex, class, informal). Each regex's match start is the verb used for the
# negation/attribution check. Written for case-insensitive matching.
OUTCOME_PATTERNS: tuple[tuple[str, str, bool], ...] = (
    # sentenced
    (
        r"\bsentenc(?:ed|es)\b(?! hearing| guidelines| date| commission)"
        r"|(?-i:\bsentencing (?=him\b|her\b|them\b|[A-Z][a-z]+ [A-Z]))(?!Commission|Guidelines)",
        "sentenced",
        False,
    ),
    (r"\bhand(?:ed|s) down (?:a|the|his|her) (?:\w+ ){0,2}sentence\b", "sentenced", False),
    (r"(?-i:\bgets? \d+ (?:years?|months?)\b)", "sentenced", False),
    (r"\b(?:spend|serve) (?:\w+ ){0,2}(?:years?|months?|life) (?:in|behind)\b", "sentenced", False),
    # approved
    (
        r"\b(?:gave|gives|granted|grants|won|wins|winning) (?:\S+ ){0,2}approval\b"
        r"(?= (?:\S+ ){0,8}(?:settlement|plan|plea|deal|agreement|decree|sale|merger))",
        "approved",
        False,
    ),
    (
        r"\bapprov(?:ed|es|ing)\b(?= (?:\S+ ){0,7}(?:settlement|plan|plea|deal|agreement|decree|"
        r"sale|merger))",
        "approved",
        False,
    ),
    (r"\bconfirm(?:ed|s|ing)\b(?= (?:\S+ ){0,5}plan\b)", "approved", False),
    # struck down
    (r"\b(?:struck|strikes|striking|strike) down\b", "struck_down", False),
    (r"\binvalidat(?:ed|es|ing)\b", "struck_down", False),
    (
        rf"\b(?:vacat(?:ed|es|ing)|set(?:s|ting)? aside)\b"
        rf"(?= (?:{_NOT_DECISION}\S+ ){{0,6}}(?:{LAW_NOUNS})\b)",
        "struck_down",
        False,
    ),
    (
        r"\b(?:declared|ruled|found|held|holding|finding|ruling) (?:\w+ ){0,5}unconstitutional\b",
        "struck_down",
        False,
    ),
    (
        rf"\b(?:threw|throws|thrown|tossed|tosses) out\b"
        rf"(?= (?:{_NOT_DECISION}\S+ ){{0,6}}(?:{LAW_NOUNS})\b)",
        "struck_down",
        True,
    ),
    # upheld / affirmed (object decides)
    (r"\buph(?:eld|olds?|olding)\b", "uphold", False),
    (r"\baffirm(?:ed|s|ing)\b", "affirmed", False),
    # blocked
    (
        r"\b(?:temporarily |permanently |partially |preliminarily |again )?"
        r"(?:block(?:ed|s|ing)|halt(?:ed|s|ing)|paus(?:ed|es|ing)|enjoin(?:ed|s|ing)|"
        r"froze|freez(?:es|ing))\b",
        "blocked",
        False,
    ),
    (
        r"\b(?:barred|bars|barring|prohibited|prohibits|forbade|stopped|stops)\b (?:\S+ ){0,8}from "
        r"(?:enforcing|implementing|carrying out|withholding|cutting|ending|applying|using|"
        r"requiring|deporting|removing|terminating|canceling|cancelling|imposing|collecting|"
        r"sharing|moving forward|proceeding|firing|dismantling|closing|releasing|executing)",
        "blocked",
        False,
    ),
    (r"\bput(?:s|ting)? (?:\S+ ){0,6}on hold\b", "blocked", False),
    (
        rf"\bstay(?:ed|s)\b(?= (?:\S+ ){{0,8}}(?:{LAW_NOUNS}|deportation|removal|execution|"
        r"enforcement|implementation)\b)",
        "blocked",
        False,
    ),
    (r"\bslam(?:s|med)? the brakes on\b", "blocked", False),
    (r"\bkept (?:\S+ ){0,5}from taking effect\b", "blocked", False),
    # dismissed
    (r"\bdismiss(?:ed|es|ing)? as improvidently granted\b", "dismissed", False),
    (rf"\bdismiss(?:ed|es|ing)\b(?= (?:\S+ ){{0,6}}(?:{CASE_NOUNS})\b)", "dismissed", False),
    (r"\b(?:dismissed|dismisses)\b(?= (?:a|the) case\b)", "dismissed", False),
    (
        rf"\b(?:threw|throws|thrown|tossed|tosses|toss) out\b"
        rf"(?= (?:\S+ ){{0,6}}(?:{CASE_NOUNS})\b)",
        "dismissed",
        True,
    ),
    (rf"\btoss(?:ed|es)\b(?= (?:\S+ ){{0,6}}(?:{CASE_NOUNS})\b)", "dismissed", True),
    # "the law was tossed by the state Supreme Court", "the suit was thrown out Monday by a
    # judge": what was undone is named before the verb ("undone": its noun decides the class)
    (
        r"\b(?:tossed|thrown out|tossed out)\b(?= (?:[\w,]+ ){0,3}?by (?:the |a |an )?"
        r"(?:[\w.'-]+ ){0,5}?(?:court|judge|justices|panel|magistrate|jury)\b)",
        "undone",
        True,
    ),
    (r"(?-i:\bDIG(?:s|ged)?\b)", "dismissed", False),
    # reversed
    (r"\brevers(?:ed|es|ing)\b", "reversed", False),
    (r"\boverturn(?:ed|s|ing)\b", "reversed", False),
    (r"\brevi(?:ved|ves|ving|ve)\b", "reversed", False),
    (
        rf"\breinstat(?:ed|es|ing)\b"
        rf"(?= (?:\S+ ){{0,6}}(?:{CASE_NOUNS}|verdict|class action|award)\b)",
        "reversed",
        False,
    ),
    (
        r"\b(?:vacat(?:ed|es|ing)|threw out|throws out|thrown out|tossed out|wipe[sd]? out|"
        r"wiped out)\b(?= (?:\S+ ){0,6}(?:ruling|decision|judgment|conviction|sentence|verdict|"
        r"award|damages|injunctions?|restraining order|orders?)\b)",
        "reversed",
        False,
    ),
    # ruled for a side (the side is found later)
    # for or against a side ("ruled_side": "against" in the match makes it ruled_against); in
    # "ruled in the union's favor" who is inside the match
    (
        r"\b(?:(?:ruled|rules|ruling|found|finds) (?:(?!that\b)[\w-]+ ){0,2}?(?:in favor of|"
        r"against)|ruled for|"
        r"ruled in (?P<who>(?:[\w.&-]+ ){0,5}?[\w.&-]+)(?:'s|') favor)\b",
        "ruled_side",
        False,
    ),
    (r"\bsid(?:ed|es|ing) (?:\w+ly )?with\b", "ruled_for", False),
    # damages awarded to a side: "awarded the family $4 million", "awarded $4 million to ..."
    (
        r"\bawarded (?:(?P<who>(?:(?!(?:a|an|its|their)\b)[\w.&'-]+ ){1,6}?)\$[\d.,]+"
        r"(?: (?:million|billion))?|"
        r"\$[\d.,]+(?: (?:million|billion))? (?:in (?:\w+ )?damages )?to)\b",
        "ruled_for",
        False,
    ),
    (
        r"\b(?:entered|enters|rendered|renders) (?:a )?judgment (?:for|in favor of)\b",
        "ruled_for",
        False,
    ),
    (r"\bgrant(?:ed|s|ing) summary judgment (?:to|for|in favor of)\b", "ruled_for", False),
    (
        r"\b(?:issued|issues|handed down|hands down|delivered|delivers|returned|returns|reached|"
        r"reaches) (?:a|an|its) "
        r"(?:\w+ ){0,2}(?:ruling|decision|judgment|verdict|opinion) in favor of\b",
        "ruled_for",
        False,
    ),
    # A victory handed to a side, or a blow dealt to one ("ruled_side": a victory or win makes
    # it ruled_for, any other ruled_against), tells of the decision's effect (informal): it
    # decides a class only when no verb does.
    (
        r"\b(?:handed|hands|handing|delivered|delivers|delivering|gave|gives|giving|dealt|deals|"
        r"dealing) (?:(?:a|an|another) (?:\w+ ){0,2}(?:victory|win|blow|defeat|loss|setback|"
        r"rebuke) (?:to|for)|(?P<who>(?:[\w.&'-]+ ){1,6}?)(?:a|an|another) (?:\w+ ){0,2}"
        r"(?:victory|win|blow|defeat|loss|setback|rebuke))\b",
        "ruled_side",
        True,
    ),
    (
        r"\breject(?:ed|s|ing) (?P<who>(?:[\w.&-]+ ){0,5}?[\w.&-]+)(?:'s|') (?:[\w-]+ ){0,2}"
        r"(?:lawsuit|suit|claims|challenge|case|complaint)\b",
        "ruled_against",
        False,
    ),
    (r"\bwins? (?:\S+ ){0,3}judgment against\b", "ruled_for_plaintiffs", False),
    # verdicts: who was held to answer, or cleared (in a criminal case the prosecution is the
    # plaintiff side); "not" or "no" before "liable" or "guilty" clears. "verdict_*": a verdict
    # dated earlier or told as a reason ("because he was convicted") is background ("cleared" in
    # a "verdict_found" match: the defence won); "convicted"
    # and "acquitted" count as a passive ("was convicted") or with whom they name after them
    (
        r"\b(?:found|finds) (?:(?!(?:not|no)\b)\S+ ){0,8}?"
        r"(?:(?P<cleared>not )(?:guilty|liable|responsible)|liable|guilty)\b",
        "verdict_found",
        False,
    ),
    (
        r"\bconvicted\b",
        "verdict_plaintiffs",
        False,
    ),
    (
        r"\b(?:acquitted|acquits)\b",
        "verdict_defendants",
        False,
    ),
    # "ruled Thursday that the town violated ...", "held that the policy was unlawful": a law
    # held unlawful ("law" in the match) is struck down, anything else a win for the side that
    # challenged it ("holding")
    (
        rf"\b{_HELD_THAT}(?:(?P<law>(?:the |a |an |its |their )?"
        rf"(?:{_NOT_NEGATION}[\w.&'-]+ ){{0,4}}?(?:{LAW_NOUNS}) (?:was|were|is|are) "
        r"(?:illegal|unlawful|invalid|void|unenforceable)\b)"
        rf"|(?:{_NOT_NEGATION}{_NOT_POLICE}[\w.&'-]+ ){{1,5}}?(?:(?:had|has|have) )?{_VIOLATED}"
        rf"|(?:{_NOT_NEGATION}[\w.&'-]+ ){{1,5}}?(?:was|were|is|are) (?:illegal|unlawful)\b)",
        "holding",
        False,
    ),
    (
        r"\b(?:found|finds|concluded) (?:that )?"
        rf"(?:{_NOT_NEGATION}{_NOT_POLICE}[A-Z]\S+ ){{1,5}}(?:had )?{_VIOLATED}",
        "ruled_for_plaintiffs",
        False,
    ),
    (
        r"\b(?:lost|loses) (?:their|its|his|her|the) (?:\w+ )?(?:lawsuit|suit|case|challenge)\b",
        "ruled_for_defendants",
        False,
    ),
    (r"\btake nothing\b", "ruled_for_defendants", False),
    (
        r"\b(?:won|wins) (?:their|its|his|her|the) (?:\w+ )?(?:lawsuit|suit|challenge)\b",
        "ruled_for_plaintiffs",
        False,
    ),
    # granted / denied
    (
        rf"\bgrant(?:ed|s|ing)\b(?= (?:\S+ ){{0,8}}(?:{REQUEST_NOUNS}|summary judgment)\b)",
        "granted",
        False,
    ),
    (r"\border(?:ed|s)\b (?:\S+ ){0,10}to\b", "granted", False),
    # relief ordered as a noun: "ordered the release of", "orders the immediate return of"
    (
        r"\border(?:ed|s)\b (?:the |a |an |his |her |their )?(?:immediate |prompt |temporary )?"
        r"(?:release|return|reinstatement|restoration|rehiring|reopening|reunification|"
        r"resumption|unfreezing) of\b",
        "granted",
        False,
    ),
    (r"\bissued (?:a|an) (?:\S+ ){0,3}(?:restraining order|injunction|TRO)\b", "granted", False),
    (rf"\bden(?:ied|ies|ying)\b(?= (?:\S+ ){{0,8}}(?:{REQUEST_NOUNS})\b)", "denied", False),
    (
        r"\b(?:declined|declines|declining|refused|refuses|refusing|won't|will not|would not|"
        r"did not|does not) (?:to )?(?:\w+ )?(?:block|halt|stop|pause|dismiss|enjoin|stay|"
        r"throw out|toss|grant|issue|order|reinstate|overturn|strike|suspend|lift|freeze)\b",
        "denied",
        False,
    ),
    # the request to end the case denied: "allowed the lawsuit to proceed"
    (
        r"\b(?:allow(?:ed|s|ing)|let(?:s|ting)?) (?:\S+ ){0,5}?(?:lawsuit|suit|case|claims?|"
        r"challenge|class action)s? (?:\S+ ){0,6}?(?:to )?(?:proceed|go forward|move forward|"
        r"go ahead|go to trial|continue)\b",
        "denied",
        False,
    ),
    (
        r"\b(?:reject(?:ed|s|ing)|rebuff(?:ed|s|ing)|turn(?:ed|s|ing) down)\b"
        r"(?= (?:\S+ ){0,6}(?:motion|request|bid|petition|application|"
        r"effort|attempt|demand)\b)",
        "denied",
        False,
    ),
    (r"\bin part\b", "in_part", False),
    # A decision of no listed kind, announced as such ("The Supreme Court ruled 6-3 that federal
    # judges likely lack the power ..."): the lowest class, taken only when no other is found
    (
        r"\bruled(?: \d{1,2}-\d{1,2}| unanimously)?(?: (?:on |late |early )?(?:Monday|Tuesday|"
        r"Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday))?(?: \d{1,2}-\d{1,2})? that\b",
        "other",
        False,
    ),
)
# OUTCOME_TRIGGERS[i]: lower-case substrings ("|"-separated), one of which a sentence must contain
# before OUTCOME_PATTERNS[i] is tried at all (the cheap test that keeps extraction fast).
OUTCOME_TRIGGERS: tuple[str, ...] = (
    "sentenc",
    "hand",
    "get",
    "spend|serve",
    "approval",
    "approv",
    "confirm",
    "down",
    "invalidat",
    "vacat|aside",
    "unconstitutional",
    " out",
    "uph",
    "affirm",
    "block|halt|paus|enjoin|froze|freez",
    "barred|bars|barring|prohibit|forbade|stopped|stops",
    "hold",
    "stay",
    "brakes",
    "taking effect",
    "improvidently",
    "dismiss",
    "dismiss",
    " out",
    "toss",
    "tossed|thrown out",
    "dig",
    "revers",
    "overturn",
    "revi",
    "reinstat",
    "vacat| out",
    "favor|against|ruled for",
    "sid",
    "awarded",
    "judgment",
    "summary judgment",
    "in favor of",
    "victory|win|blow|defeat|loss|setback|rebuke",
    "'",
    "judgment against",
    "liable|guilty",
    "convicted",
    "acquit",
    "illegal|unlawful|invalid|void|unenforceable|violated|breached|infringed|discriminated|"
    "retaliated",
    "found|finds|concluded",
    "lost|loses",
    "take nothing",
    "won|wins",
    "grant",
    "order",
    "order",
    "issued",
    "den",
    "declin|refus|won't|will not|would not|did not|does not",
    "proceed|forward|go ahead|to trial|continue",
    "reject|rebuff|turn",
    "in part",
    "ruled",
)
assert len(OUTCOME_TRIGGERS) == len(OUTCOME_PATTERNS)
# Words just before a verb that make it not a decision (intent, negation, hypothesis, background).
NON_EVENT_PRECEDERS = words(
    """to not n't never would could may might should can cannot had if whether unless sought
    seeking seek asking asked ask urged urging urge wants want wanted hopes hope plans planned
    threatened threatens vowed likely expected aims bid effort attempt seeks motion request
    without before could've"""
)
# Sentences (or clauses) about some other ruling or background, not the one reported.
DISTRACTOR_CUES = (
    r"\b(?:separate|unrelated|similar|earlier|previous|prior|another|other) (?:\w+ )?"
    r"(?:case|cases|lawsuit|lawsuits|ruling|rulings|order|orders|decision|decisions|policy|set|"
    r"requirement|challenge|law|judge)\b"
    r"|\b(?:last|earlier this|earlier in the|this past) (?:year|month|spring|summer|fall|winter)\b"
    r"|\bparallel (?:civil |criminal )?(?:case|lawsuit|suit)\b"
    r"|\bin (?:19|20)\d\d\b|\bpreviously\b|\bnominat\w+|\bnominee\b|\bassigned to\b"
    r"|\bwho had\b|\bthat had\b|\bwhich had\b|\bhad (?:already )?(?:\w+ed|struck|thrown|held|"
    r"found|ruled|upheld|sided|won|lost|been)\b"
)
# A sentence must contain one of these (lower-cased) before DISTRACTOR_CUES is tried.
DISTRACTOR_KEYWORDS = (
    "separate", "unrelated", "similar", "earlier", "previous", "prior", "another", "other",
    "last ", "this past", "parallel", "in 19", "in 20", "nominat", "nominee", "assigned",
    "had ",
)  # fmt: skip
# Lower-case text one piece of which every match of DISTRACTOR_CUES starts with (folded text).
DISTRACTOR_STARTS = (
    "separate", "unrelated", "similar", "earlier", "previous", "prior", "another", "other",
    "last", "this past", "parallel", "in 19", "in 20", "nomin", "assigned to", "who had",
    "that had", "which had", "had ",
)  # fmt: skip
LOWER_COURT_CUES = (
    r"\b(?:reversed|reversing|overturned|overturning|vacated|vacating|affirmed|affirming|"
    r"agreed with|disagreed with) (?:a |the )?(?:\w+ ){0,3}(?:ruling|decision|judgment|order)? ?"
    r"(?:by|of|from)?\b|\blower[- ]court\b|\btrial (?:judge|court)\b|\bpresided over the "
    r"(?:\d{4} )?trial\b|\bdid not err\b|\berred\b"
)
# Where the ruling's author is named in a court of last resort.
MAJORITY_AUTHOR_CUES = (
    r"writing for (?:the|a|an) (?:\w+ )?(?:majority|court|plurality|panel)"
    r"|wrote (?:the|a|an) (?:\w+ )?(?:majority|court's|lead|main|unanimous)? ?opinion"
    r"|(?:opinion|ruling|decision),? (?:was )?(?:written|authored|delivered) by"
    r"|delivered the opinion|wrote for (?:the|a) (?:\w+ )?(?:majority|court|panel)"
    r"|for the majority|for a unanimous"
)

# --- motions --------------------------------------------------------------------------------------
# (regex, normalised motion), searched case-insensitively in order.
MOTIONS: tuple[tuple[str, str], ...] = (
    (r"\btemporary restraining order\b|\bTRO\b", "temporary restraining order"),
    (r"\bpreliminary injunction\b", "preliminary injunction"),
    (r"\btemporary injunction\b", "temporary injunction"),
    (r"\bpermanent injunction\b", "permanent injunction"),
    (r"\bmotion to dismiss\b|\bRule 12\(b\)\(6\) motion\b", "motion to dismiss"),
    (r"\bsummary judgment\b", "summary judgment"),
    (r"\bpetition for (?:a )?writ of mandate\b", "petition for a writ of mandate"),
    (
        r"\bpetition for (?:a )?writ of mandamus\b|\bwrit of mandamus\b",
        "petition for a writ of mandamus",
    ),
    (r"\bwrit of habeas corpus\b|\bhabeas petition\b", "petition for a writ of habeas corpus"),
    (r"\bpetitions? for review\b", "petition for review"),
    (r"\bfinal approval\b(?= (?:\S+ ){0,6}settlement)", "final approval of class settlement"),
    (r"\bpreliminary approval\b(?= (?:\S+ ){0,6}settlement)", "preliminary approval of settlement"),
    (
        r"\bconfirm(?:ed|ation)\b(?= (?:\S+ ){0,6}plan)|\bplan confirmation\b",
        "confirmation of plan",
    ),
    (r"\bapplication for temporary reinstatement\b", "application for temporary reinstatement"),
    (r"\bclass certification\b|\bcertify (?:a|the) class\b", "class certification"),
    (r"\bmotion to suppress\b", "motion to suppress"),
    (r"\bmotion for (?:a )?new trial\b", "motion for a new trial"),
    (r"\bmotion to compel\b", "motion to compel"),
    (r"\bmotion to transfer\b", "motion to transfer"),
    (r"\bmotion to intervene\b", "motion to intervene"),
    (r"\bmotion for (?:a )?stay\b|\bemergency stay\b|\bstay pending appeal\b", "stay"),
    (r"\bSection 705\b", "stay under Section 705 of the Administrative Procedure Act"),
)

# Lower-case words one of which every match of JUDICIAL_ACTORS contains.
JUDICIAL_ACTOR_WORDS: tuple[str, ...] = (
    "judge", "justice", "court", "panel", "chancellor", "magistrate", "tribunal", "ruling", "ruled",
    "rules", "order", "opinion", "decision", "verdict", "jury", "bench", "dig", "circ.", "circuit",
    "nlrb", "board",
)  # fmt: skip

# Lower-case words one of which every match of the motion pattern at the same position contains;
# a sentence without any of them is not searched.
MOTION_TRIGGERS: tuple[str, ...] = (
    "temporary restraining order|tro",
    "preliminary injunction",
    "temporary injunction",
    "permanent injunction",
    "motion to dismiss|rule 12(b)(6) motion",
    "summary judgment",
    "writ of mandate",
    "writ of mandamus",
    "writ of habeas corpus|habeas petition",
    "for review",
    "final approval",
    "preliminary approval",
    "confirm",
    "application for temporary reinstatement",
    "class certification|certify",
    "motion to suppress",
    "new trial",
    "motion to compel",
    "motion to transfer",
    "motion to intervene",
    "stay",
    "section 705",
)

# --- dates ----------------------------------------------------------------------------------------
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
    "december": 12,
}  # fmt: skip

# --- is_ruling ------------------------------------------------------------------------------------
# The actor that makes an outcome verb a court's decision.
JUDICIAL_ACTORS = (
    r"\b(?:judges?|justices?|courts?|panel|chancellor|magistrate|tribunal|ruling|ruled|rules|"
    r"order|opinion|decision|verdict|jury|bench|DIG|Circ\.|Circuit|NLRB|board)\b"
)
# News that is about a court but is not a ruling.
# Headlines of commentary, never a news report of a ruling.
COMMENTARY_HEADLINE = (
    r"^(?:opinion|commentary|editorial|op-ed|column|letters?(?: to the editor)?|viewpoint|"
    r"perspective|analysis|guest column|my view|our view)\s*[:|—–-]"
)
# A lead that tells of a suit being brought: often only the background of a ruling reported next.
SUIT_LEADS = (
    r"\b(?:sued|sues|suing|sue)\b|\bfiled (?:a |the )?(?:\w+ )?(?:lawsuit|suit|complaint)\b"
)
# A lead about a rule, a nomination, a bill or a hearing still to come.
OTHER_NON_RULING_LEADS = (
    r"\bpropos(?:ed|es|ing) (?:a |an |the )?(?:new )?(?:\w+ )?(?:rule|regulation|rules)\b"
    r"|\bnotice of proposed rulemaking\b|\bnominat(?:ed|es|ion)\b|\bnominee\b"
    r"|\bconfirmation (?:hearing|vote)\b|\blawmakers\b"
    r"|\b(?:bill|legislation) (?:that|would|passed)\b|\bpassed (?:a|the) bill\b"
    r"|\bsigned (?:into law|the bill)\b|\bno ruling has been (?:issued|made)\b"
    r"|\bhearing (?:is|was) (?:set|scheduled)\b|\boral arguments?\b"
)
NON_RULING_LEADS = f"{SUIT_LEADS}|{OTHER_NON_RULING_LEADS}"
# A court, a judge or a ruling that can be the subject of a decision verb.
COURT_SUBJECTS = (
    r"\b(?:judges?|justices?|courts?|panel|magistrate|chancellor|tribunal|jury|SCOTUS|"
    r"rulings?|verdict)\b"
)
# A time told of an earlier decision ("in June", "last month", "in 2019"): a court deciding then
# is background to a new suit, not its news.
EARLIER_TIME = (
    r"\b(?:in|since|last|earlier this|back in) (?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December|month|year|spring|summer|fall|autumn|"
    r"winter)\b|\b(?:in|since) (?:19|20)\d\d\b|\b(?:months|years) ago\b"
)
# Where a clause opens, for the search of its subject: the words after one of these.
CLAUSE_OPENERS = (
    r"[;:]|\b(?:that|which|who|whom|whose|where|when|said|says|say|argued|argues|argue|claimed|"
    r"claims|claim|alleged|alleges|allege|contended|contends|contend|asserted|asserts|wrote|"
    r"writes|told)\b"
)
# Words that, before a court word in its clause, make the court the object of a preposition or
# the subject of a subordinate clause ("filed in federal court", "since a judge blocked").
NOT_SUBJECT_WORDS = words(
    """in into to before with from at for against since after while until because although
    though if unless once as whether like"""
)
# Headlines that report a court's decision ("Judge rules in ...", "Court sides with ...",
# "Appeals court upholds ...", "Justices reject ..."), matched at the headline's start: a court
# word no more than five words in (none of them one that makes the court's rules a noun or the
# judge the news's subject) and a decision verb in the present tense of headlines.
_RULES_WHAT = r"(?:(?:that|in|against)\b|(?-i:(?!Out\b)[A-Z0-9$]))"
RULING_HEADLINE = (
    r"(?!(?:[\w.'’&-]+ ){0,5}?(?:new|proposed|draft|revised|amended|former|retired)\b)"
    r"(?:[\w.'’&-]+ ){0,5}?(?:"
    rf"(?:judge|court|panel|tribunal|jury|SCOTUS) (?:rules {_RULES_WHAT}|"
    r"(?:sides|upholds|strikes down|rejects|tosses|throws out|dismisses|overturns|reverses|"
    r"affirms|orders|backs|clears|allows|lets|denies|grants|blocks|halts|refuses|declines|"
    r"sentences|awards|voids|revives|vacates|invalidates)\b)"
    rf"|(?:justices|judges|courts) (?:rule {_RULES_WHAT}|"
    r"(?:side|uphold|strike down|reject|toss|throw out|dismiss|overturn|reverse|affirm|order|"
    r"back|clear|allow|let|deny|grant|block|halt|refuse|decline|revive|vacate|invalidate)\b))"
)
