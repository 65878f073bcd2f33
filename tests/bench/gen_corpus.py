#!/usr/bin/env python3
"""Write a synthetic reportsite site (FORMAT.md version 1) for benchmarks.

    gen_corpus.py --meetings N --out DIR [--seed S] [--hugo HUGO_DIR]

The same N, seed and lapse rate give byte-identical files: every meeting draws
from its own random.Random seeded with the seed and its id, iteration is
sorted, and nothing reads the clock. Prose is styled on the seed minutes and
spells out each abbreviation at its first use on a page, so the corpus builds
without errors; --lapse-rate meetings carry one glossary warning each.
With --hugo, the same text is also written as a plain Hugo site, one page per
meeting, as a baseline for the builder's speed and memory.
"""

import argparse
import datetime as dt
import json
import multiprocessing
import os
import random
import re
import shutil
import sys

FIRST_YEAR = 2006           # municipal years 2006-07 ... 2025-26
YEARS = 20
AS_OF = dt.date(FIRST_YEAR + YEARS, 4, 30)
MARKER = ".generated-by-gen_corpus"

# ---------------------------------------------------------------- people

OFFICERS = {
    "chief-executive": "Chief Executive",
    "corporate-director-people": "Corporate Director, People",
    "director-childrens-services": "Director of Children's Services",
    "director-adult-social-care": "Director of Adult Social Care",
    "director-public-health": "Director of Public Health",
    "director-finance": "Director of Finance",
    "director-legal-governance": "Director of Legal and Governance Services",
    "director-housing": "Director of Housing",
    "director-human-resources": "Director of Human Resources",
    "head-of-complaints": "Head of Complaints and Information",
    "head-of-safeguarding": "Head of Safeguarding and Quality Assurance",
    "head-of-education": "Divisional Director, Education Services",
    "head-of-children-looked-after": "Head of Service, Children Looked After",
    "virtual-school-head": "Virtual School Head Teacher",
    "independent-reviewing-manager": "Independent Reviewing Service Manager",
    "head-of-commissioning": "Head of Commissioning, Adults",
    "head-of-internal-audit": "Head of Internal Audit",
    "external-auditor": "External Audit Engagement Lead",
    "treasury-pensions-manager": "Treasury and Pensions Manager",
    "investment-adviser": "Independent Investment Adviser",
    "chief-planning-officer": "Chief Planning Officer",
    "head-of-development-management": "Head of Development Management",
    "licensing-manager": "Licensing Manager",
    "head-of-regulatory-services": "Head of Regulatory Services",
    "community-safety-manager": "Community Safety Manager",
    "head-of-policy": "Head of Policy and Partnerships",
    "scrutiny-lead-officer": "Scrutiny Lead Officer",
    "health-safety-manager": "Corporate Health and Safety Manager",
    "head-of-workforce": "Head of Workforce Development",
    "head-of-traffic": "Head of Traffic, Highways and Transport",
    "road-safety-manager": "Road Safety Manager",
    "place-director-health": "Place Director, North West London Health Partnership",
}

FIRST_NAMES = (
    "Amara Graham Priya Tomasz Fatima David Sarah Kwame Helen Rajesh Janet "
    "Chidi Margaret Imran Susan Paul Nadia Barry Ruth Anjali Keith Ama Philip "
    "Zainab Christine Vinod Lesley Marek Bola Stephen Husain Jean Niraj "
    "Gillian Ade Pritesh Kiran Norman Mina Rekha Eileen Samir Yusuf Carol "
    "Daniel Asha Joyce Ravi Bernard Lina").split()
LAST_NAMES = (
    "Osei Patel Shah Kowalski Ahmed Brown Nwosu Fernandes Hussain Murphy Evans "
    "Okafor Choudhury Gill Sandhu Lewis Mensah Thompson Kaur Novak Rahman Silva "
    "Walsh Begum Clarke Adeyemi Hughes Mistry Price Dlamini Ward Costa Bennett "
    "Yilmaz Grant Khan Reid Iqbal Marsh Ellis Joshi Baker Lindqvist Vaz").split()

# ---------------------------------------------------------------- committees
# (id, name, description, officers, member count, topics); a topic is
# (item title, subject as used in a sentence, report_of officer id).

COMMITTEES = [
    ("children-scrutiny",
     "Children and Young People Scrutiny Sub-Committee",
     "Reviews services for children, young people and families.",
     ["corporate-director-people", "director-childrens-services", "head-of-complaints",
      "head-of-safeguarding", "head-of-education"], 9,
     [("School Place Planning Update", "school place planning", "head-of-education"),
      ("Early Help Strategy", "the early help offer", "director-childrens-services"),
      ("Child Exploitation and Missing Children", "work on child exploitation", "head-of-safeguarding"),
      ("Special Educational Needs Transport Review", "special educational needs transport", "head-of-education"),
      ("Fostering Service Annual Report", "the fostering service", "director-childrens-services"),
      ("Youth Justice Plan", "the youth justice plan", "director-childrens-services"),
      ("Children's Social Care Performance", "children's social care performance", "corporate-director-people")]),
    ("health-adults-scrutiny",
     "Health and Social Care Scrutiny Sub-Committee",
     "Reviews adult social care and local health services.",
     ["director-adult-social-care", "head-of-commissioning", "head-of-complaints",
      "director-public-health", "place-director-health"], 9,
     [("Winter Pressures Update", "winter pressures", "director-adult-social-care"),
      ("Home Care Commissioning", "home care commissioning", "head-of-commissioning"),
      ("Hospital Discharge Arrangements", "hospital discharge", "place-director-health"),
      ("Mental Health Services for Adults", "adult mental health services", "place-director-health"),
      ("Adult Safeguarding Board Annual Report", "adult safeguarding", "director-adult-social-care"),
      ("Carers Strategy", "support for carers", "head-of-commissioning")]),
    ("overview-scrutiny",
     "Overview and Scrutiny Committee",
     "Holds the Cabinet to account and sets the scrutiny work programme.",
     ["chief-executive", "director-finance", "head-of-policy", "scrutiny-lead-officer",
      "community-safety-manager"], 11,
     [("Corporate Performance Report", "corporate performance", "head-of-policy"),
      ("Draft Revenue Budget", "the draft revenue budget", "director-finance"),
      ("Scrutiny Work Programme", "the scrutiny work programme", "scrutiny-lead-officer"),
      ("Community Safety Plan", "community safety", "community-safety-manager"),
      ("Customer Services Review", "customer services", "head-of-policy")]),
    ("cabinet", "Cabinet", "Takes the Council's executive decisions.",
     ["chief-executive", "director-finance", "director-housing",
      "director-legal-governance", "corporate-director-people"], 10,
     [("Revenue Budget Monitoring", "revenue budget monitoring", "director-finance"),
      ("Capital Programme", "the capital programme", "director-finance"),
      ("Housing Strategy", "the housing strategy", "director-housing"),
      ("Waste Collection Contract", "the waste collection contract", "chief-executive"),
      ("Council Tax Reduction Scheme", "the council tax reduction scheme", "director-finance"),
      ("Regeneration Programme", "the regeneration programme", "chief-executive")]),
    ("planning", "Planning Committee", "Decides major planning applications.",
     ["chief-planning-officer", "head-of-development-management", "director-legal-governance"], 9,
     [("Planning Appeals Update", "planning appeals", "head-of-development-management"),
      ("Planning Enforcement Update", "planning enforcement", "head-of-development-management"),
      ("Local Plan Consultation Response", "the local plan", "chief-planning-officer"),
      ("Householder Design Guide", "householder design guidance", "chief-planning-officer")]),
    ("licensing", "Licensing and General Purposes Committee",
     "Sets licensing policy and fees and hears licensing matters.",
     ["licensing-manager", "head-of-regulatory-services", "director-legal-governance"], 9,
     [("Statement of Licensing Policy", "the statement of licensing policy", "licensing-manager"),
      ("Taxi and Private Hire Licensing", "taxi and private hire licensing", "licensing-manager"),
      ("Street Trading Fees", "street trading fees", "head-of-regulatory-services"),
      ("Gambling Policy Review", "the gambling policy", "licensing-manager")]),
    ("governance-audit-standards",
     "Governance, Audit, Risk Management and Standards Committee",
     "Oversees audit, risk, governance and members' conduct.",
     ["head-of-internal-audit", "external-auditor", "director-finance",
      "director-legal-governance", "head-of-complaints"], 8,
     [("Internal Audit Progress Report", "internal audit progress", "head-of-internal-audit"),
      ("Corporate Risk Register", "the corporate risk register", "head-of-internal-audit"),
      ("Annual Governance Statement", "the annual governance statement", "director-legal-governance"),
      ("External Audit Plan", "the external audit plan", "external-auditor"),
      ("Treasury Management Strategy", "treasury management", "director-finance")]),
    ("pension-fund", "Pension Fund Committee", "Manages the Council's pension fund.",
     ["treasury-pensions-manager", "investment-adviser", "director-finance"], 7,
     [("Investment Performance Report", "investment performance", "treasury-pensions-manager"),
      ("Funding Strategy Statement", "the funding strategy", "treasury-pensions-manager"),
      ("Responsible Investment Policy", "responsible investment", "investment-adviser"),
      ("Triennial Actuarial Valuation", "the actuarial valuation", "treasury-pensions-manager")]),
    ("corporate-parenting", "Corporate Parenting Panel",
     "Champions the interests of children in care and care leavers.",
     ["head-of-children-looked-after", "virtual-school-head", "independent-reviewing-manager",
      "director-childrens-services"], 8,
     [("Care Leavers Accommodation", "accommodation for care leavers", "head-of-children-looked-after"),
      ("Virtual School Annual Report", "the virtual school", "virtual-school-head"),
      ("Health of Children Looked After", "the health of children looked after", "head-of-children-looked-after"),
      ("Independent Reviewing Service Annual Report", "the independent reviewing service", "independent-reviewing-manager")]),
    ("health-wellbeing-board", "Health and Wellbeing Board",
     "Brings together the Council and the health service to plan local health.",
     ["director-public-health", "place-director-health", "director-adult-social-care",
      "director-childrens-services"], 8,
     [("Joint Strategic Needs Assessment", "the needs assessment", "director-public-health"),
      ("Better Care Fund Plan", "the better care fund plan", "director-adult-social-care"),
      ("Pharmaceutical Needs Assessment", "pharmacy provision", "director-public-health"),
      ("Childhood Obesity Programme", "childhood obesity", "director-public-health"),
      ("Air Quality Action Plan", "air quality", "director-public-health")]),
    ("employees-forum", "Employees' Consultative Forum",
     "Consults staff representatives on employment matters.",
     ["director-human-resources", "head-of-workforce", "health-safety-manager"], 7,
     [("Sickness Absence Monitoring", "sickness absence", "director-human-resources"),
      ("Workforce Equality Report", "workforce equality", "head-of-workforce"),
      ("Health and Safety Annual Report", "health and safety", "health-safety-manager"),
      ("Use of Agency Staff", "the use of agency staff", "director-human-resources")]),
    ("traffic-road-safety", "Traffic and Road Safety Advisory Panel",
     "Advises on parking, traffic and road safety schemes.",
     ["head-of-traffic", "road-safety-manager", "community-safety-manager"], 7,
     [("Parking Zone Reviews", "parking zone reviews", "head-of-traffic"),
      ("School Streets Programme", "the school streets programme", "road-safety-manager"),
      ("Road Safety Schemes", "road safety schemes", "road-safety-manager"),
      ("Electric Vehicle Charging Points", "electric vehicle charging", "head-of-traffic")]),
]
COMMITTEE_IDS = sorted(c[0] for c in COMMITTEES)
COMMITTEE = {c[0]: c for c in COMMITTEES}

# ---------------------------------------------------------------- reports

SERIES = {
    "children-complaints": dict(
        title="Children and Families Services Complaints Annual Report",
        committee="children-scrutiny", report_of="corporate-director-people",
        context=[("Children in need", 2500, 4500), ("Children looked after", 250, 420),
                 ("Child protection plans", 180, 360)],
        services=["Targeted Services", "Early Support", "Education Services", "Commissioning"],
        reasons=["Disagree with social care opinion", "Quality of service", "Communication",
                 "Delay in service", "Staff conduct", "Other"],
        every_year=True),
    "adults-complaints": dict(
        title="Adult Social Care Complaints Annual Report",
        committee="health-adults-scrutiny", report_of="director-adult-social-care",
        context=[("Adults receiving long-term support", 2800, 4200),
                 ("Carers assessed", 600, 1400)],
        services=["Assessment and Care Management", "Home Care", "Reablement",
                  "Residential Care", "Financial Assessment"],
        reasons=["Charging and fees", "Quality of care", "Communication",
                 "Delay in assessment", "Other"],
        every_year=True),
    "corporate-complaints": dict(
        title="Corporate Complaints Annual Report",
        committee="governance-audit-standards", report_of="head-of-complaints",
        context=[("Contacts with customer services", 250000, 420000)],
        services=["Environment", "Housing", "Revenues and Benefits", "Parking",
                  "Planning", "Customer Services"],
        reasons=["Service not provided", "Quality of service", "Communication",
                 "Staff conduct", "Policy disagreement", "Other"],
        every_year=False),
}
ETHNICITY = ["White British", "White other", "Asian or Asian British",
             "Black or Black British", "Mixed heritage", "Other ethnic group", "Not known"]

# ---------------------------------------------------------------- glossary
# Abbreviations the prose uses: a field {KEY} in a sentence becomes
# "term (KEY)" at its first use on a page and "KEY" after it.

ABBRS = {
    "CiN": "children in need",
    "EHCP": "Education, Health and Care Plan",
    "SEN": "Special Educational Needs",
    "BME": "Black and Minority Ethnic",
    "MASH": "Multi Agency Safeguarding Hub",
    "SLA": "service level agreement",
    "LGSCO": "Local Government and Social Care Ombudsman",
    "CAMHS": "Child and Adolescent Mental Health Services",
    "NHS": "National Health Service",
    "GP": "general practitioner",
    "ASB": "anti-social behaviour",
    "DBS": "Disclosure and Barring Service",
    "KPI": "key performance indicator",
    "CQC": "Care Quality Commission",
    "JSNA": "Joint Strategic Needs Assessment",
    "BCF": "Better Care Fund",
    "ICB": "Integrated Care Board",
    "CPZ": "Controlled Parking Zone",
    "IRO": "Independent Reviewing Officer",
    "UASC": "unaccompanied asylum-seeking children",
    "NEET": "not in education, employment or training",
    "MTFS": "Medium Term Financial Strategy",
    "LGPS": "Local Government Pension Scheme",
    "ESG": "environmental, social and governance",
    "AGS": "Annual Governance Statement",
    "FTE": "full-time equivalent",
    "CIL": "Community Infrastructure Levy",
    "HRA": "Housing Revenue Account",
    "EV": "electric vehicle",
    "DoLS": "Deprivation of Liberty Safeguards",
    "WCAG": "Web Content Accessibility Guidelines",
}

GLOSSARY_YAML = """\
# Synthetic glossary written by tests/bench/gen_corpus.py.
- term: Afghan
  avoid: [Afghani]
  reason: '"Afghani" is the currency of Afghanistan; a person from Afghanistan is Afghan.'
  severity: error
  examples:
    good: [The family were Afghan refugees.]
    bad: [The family were Afghani refugees.]
- term: Education, Health and Care Plan
  abbr: EHCP
  avoid: ["Education, Health & Care Package", "Education, Health and Care Package"]
  reason: The statutory document is a plan, not a package.
- term: Ofsted
  avoid: [OFSTED]
  case_sensitive: true
  reason: Ofsted writes its name with one capital.
- term: learning disability
  avoid: [mental handicap]
  reason: Outdated and offensive.
  severity: error
- term: wheelchair user
  avoid: [wheelchair-bound, confined to a wheelchair]
  reason: Describe the person, not a limitation.
  severity: error
- term: in future
  avoid: [going forward]
  reason: Plain English.
  examples:
    good: [Officers would report quarterly in future.]
    bad: [Officers would report quarterly going forward.]
- term: use
  avoid: [utilise]
  reason: Plain English.
- term: Councillor
  avoid: [Cllr]
  reason: Write the title in full in minutes.
"""


def glossary_text():
    out = [GLOSSARY_YAML]
    for abbr in sorted(ABBRS, key=str.lower):
        if abbr == "EHCP":
            continue
        out.append(f"- term: {q(ABBRS[abbr])}\n  abbr: {abbr}\n")
    out.append("- allow: [HR, IT, CCTV, UK, PDF, AA]\n")
    return "".join(out)

# ---------------------------------------------------------------- vocabulary

WARDS = ["Northfield", "Greenhill", "Marsh Lane", "Canons", "Wealdstone", "Roxbourne",
         "Kenton East", "Pinner South", "Edgware", "Belmont", "Hatch End", "Rayners Lane",
         "Queensbury", "West Harrow", "Headstone North", "Stanmore Park"]
PARTNERS = ["the police", "health partners", "local schools", "the voluntary sector",
            "the fire service", "housing associations", "the probation service",
            "residents' associations", "neighbouring boroughs", "the local hospital trust"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

QUESTIONS = [
    "Why had there been an increase in the number of complaints about {subject} during {year}?",
    "What steps were being taken to reduce the backlog in {subject}?",
    "How did the Council's performance on {subject} compare with that of neighbouring boroughs?",
    "Was the target of {pct}% for {subject} realistic, given the pressures on the service?",
    "How were residents who did not use the internet able to take part in the consultation on {subject}?",
    "What had the service spent on agency staff over the last year?",
    "Had the service learnt lessons from the complaints that had been upheld?",
    "How many of the {num} cases referred in the last quarter had been resolved within the statutory timescale?",
    "Were residents in {ward} ward receiving the same level of service as those elsewhere in the borough?",
    "What engagement had taken place with {partner} before the proposals were drawn up?",
    "Why was there no data in the report on the ethnicity of service users?",
    "Could officers explain the reasons for the underspend of {money} reported against {subject}?",
    "What would happen if the savings of {money} identified for {year} were not achieved?",
    "How was the service making sure that the voices of service users were heard?",
    "Were written complaints taken more seriously than verbal ones?",
    "How was the complaints process signposted to residents whose first language was not English?",
    "What risks did the service face over the coming year, and how were they being managed?",
    "Had the recent staff restructure had any effect on the quality of {subject}?",
    "How many posts in the service were currently vacant?",
    "What did the rise of {pct}% in demand mean for the budget in future years?",
    "How would Members know whether the changes to {subject} had made a difference?",
    "Why had {subject} not been included in the previous report?",
    "How were anonymous complaints dealt with?",
    "Was the service confident that the figures for {subject} were accurate?",
    "How was the {KPI} for {subject} set, and who agreed it?",
    "Were the savings in the {MTFS} for this service still achievable?",
    "How many {FTE} posts had been deleted from the service since {year}?",
    "Was the Council making full use of {NHS} data on {subject}?",
]

ANSWERS = [
    "An officer advised that this data was captured by a different team.",
    "The officer explained that the increase reflected a rise of {pct}% in referrals, which was in line with the national picture.",
    "An officer advised that the service had recruited {small} additional staff and that the backlog had fallen by {pct}% since {month}.",
    "The officer confirmed that performance was above the London average on most measures, although there was more to do on {subject}.",
    "An officer stated that residents could respond by telephone, in writing or in person at the Civic Centre, and that no one was turned away.",
    "The officer explained that spending on agency staff had fallen to {money} as permanent appointments had been made.",
    "An officer advised that the lessons learnt from each upheld complaint were shared with managers and reflected in training.",
    "An officer advised that {num} cases had been resolved within the timescale and that the remainder were being progressed.",
    "The officer stated that the service was delivered consistently across all wards, and that {ward} ward had been included in the recent pilot.",
    "An officer advised that {partner} had been consulted at an early stage and were supportive of the proposals.",
    "The officer explained that the underspend of {money} was due to delays in recruitment and would be carried forward.",
    "An officer advised that alternative savings would be identified if the proposals did not deliver in full, and that this would be reported to Cabinet.",
    "The officer added that managers, staff and the complaints team continued to work towards a more balanced, open and less defensive approach to complaints.",
    "An officer confirmed that written and verbal complaints were treated in the same way and were logged on the same system.",
    "The officer advised that the complaints leaflet was available in the {small} most commonly spoken community languages.",
    "An officer advised that the main risks related to rising demand and the recruitment of experienced staff, and that both were on the risk register.",
    "The officer explained that the restructure had been completed in {month} and that early indications were positive.",
    "An officer advised that {small} posts were currently vacant and that a recruitment campaign was under way.",
    "The officer explained that the rise in demand had been built into the budget assumptions for {year}.",
    "The officer acknowledged that performance had dipped in the last quarter but advised that an improvement plan was in place.",
    "An officer advised that {pct}% of responses had been sent within the agreed timescale, against a target of {pct2}%.",
    "The officer advised that anonymous complaints would be investigated and the appropriate procedures followed.",
    "An officer advised that the figures had been checked by the performance team and reconciled with the case management system.",
    "The officer explained that the {KPI} had been agreed with the portfolio holder and was benchmarked against similar councils.",
    "An officer advised that the savings in the {MTFS} remained on track, although there was a risk of slippage of {money}.",
    "The officer advised that {small} {FTE} posts had been deleted, mostly through vacancies rather than redundancies.",
    "An officer advised that the Council received monthly {NHS} data and that this was shared with the Committee's lead members.",
    "He added that the equalities data in the report showed that complainants were of various ethnicities.",
]

STATEMENTS = [
    "The Member stated that they were pleased to see the compliments received by the service.",
    "The Member thanked officers for a clear and comprehensive report.",
    "The Member said that residents in {ward} ward had raised concerns about {subject} at a recent surgery.",
    "The Chair asked that Members' thanks be passed on to the staff involved.",
    "The Member noted the improvement in performance since {year}.",
]

OFFICER_ADDITIONS = [
    "An officer added that {partner} were now represented on the project board.",
    "An officer added that the service had received {num} compliments during {year}.",
    "An officer added that a member of staff had been nominated for a national award for work on {subject}.",
]

# Committee-specific question and answer pairs, each using its abbreviations.
SPECIFIC = {
    "children-scrutiny": [
        ("There were {num} children who were considered to be {CiN} during {year}. How many of their families had made a complaint?",
         "An officer advised that {small}% of complaints had been made by families of {CiN} and that their ethnic breakdown was predominantly {BME}."),
        ("How were {SEN} children assisted to make complaints?",
         "An officer advised that members of the advocacy service had specialist skills in supporting {SEN} children and that the Council had an {SLA} with local schools to provide training."),
        ("How many complaints related to delays in issuing an {EHCP} within twenty weeks?",
         "The officer advised that {small} complaints had related to delays in issuing an {EHCP}, and that timeliness had improved to {pct}%."),
        ("At what stage would the {MASH} involve other partner agencies such as the police in a case?",
         "An officer advised that the {MASH} shared information with the police at an early stage and that the appropriate child protection procedures would be followed."),
        ("Why had the waiting time for {CAMHS} appointments increased to {weeks} weeks?",
         "The officer explained that demand for {CAMHS} had risen by {pct}% and that additional clinicians had been recruited."),
        ("How many {UASC} were currently supported by the Council?",
         "An officer advised that the Council supported {small}0 {UASC} and that the numbers were in line with the national transfer scheme."),
        ("Were complaints made about individual social workers tracked to see if there were any patterns emerging?",
         "An officer advised that complaints against social workers were monitored and confirmed that no single social worker had received multiple complaints."),
    ],
    "health-adults-scrutiny": [
        ("How many adults were subject to {DoLS} applications awaiting assessment?",
         "An officer advised that {num} {DoLS} applications were awaiting assessment and that the oldest were being prioritised."),
        ("What did the latest {CQC} inspection say about home care providers in the borough?",
         "The officer advised that {pct}% of local providers were rated good or outstanding by the {CQC}."),
        ("How was the {ICB} working with the Council to speed up hospital discharges?",
         "An officer advised that the {ICB} and the Council had set up a joint discharge team which met daily."),
        ("Were {GP} practices referring residents to social prescribing schemes?",
         "An officer advised that all {GP} practices in the borough could now refer residents to social prescribing."),
        ("How many complaints had been referred to the {LGSCO} during {year}?",
         "The officer advised that {small} complaints had been referred to the {LGSCO}, of which one had been upheld."),
    ],
    "overview-scrutiny": [
        ("How many reports of {ASB} had been received in {ward} ward over the last year?",
         "An officer advised that {num} reports of {ASB} had been received and that this was a fall of {pct}% on the previous year."),
        ("Which {KPI} targets had been missed in the last quarter?",
         "The officer advised that {small} targets had been missed, mostly in housing and customer services."),
        ("Had the assumptions in the {MTFS} been tested against a higher rate of inflation?",
         "An officer advised that the {MTFS} had been tested against inflation of up to {small}%."),
    ],
    "cabinet": [
        ("What was the forecast balance on the {HRA} at the end of {year}?",
         "An officer advised that the {HRA} was forecast to hold a balance of {money} at the end of {year}."),
        ("How much {CIL} income had been received and how would it be spent?",
         "The officer advised that {money} of {CIL} income had been received and would be spent on schools and transport."),
        ("Did the {MTFS} include the cost of the pay award?",
         "An officer confirmed that the {MTFS} assumed a pay award of {small}%."),
    ],
    "planning": [
        ("Would the development include {EV} charging points?",
         "The officer advised that {pct}% of parking spaces would have {EV} charging points."),
        ("How much {CIL} would the development pay?",
         "An officer advised that the development would pay {money} in {CIL}."),
    ],
    "licensing": [
        ("Were all taxi drivers subject to an enhanced {DBS} check?",
         "An officer confirmed that every driver had an enhanced {DBS} check every three years."),
        ("Had there been any incidents of {ASB} linked to late night premises in {ward} ward?",
         "The officer advised that the police had reported {small} incidents of {ASB} linked to late night premises."),
    ],
    "governance-audit-standards": [
        ("Would the significant governance issues be reported in the {AGS}?",
         "An officer advised that the issues would be reported in the {AGS} for {year}."),
        ("How many complaints had been referred to the {LGSCO} during {year}?",
         "The officer advised that {small} complaints had been referred to the {LGSCO}."),
        ("How many internal audit recommendations were overdue against the {KPI}?",
         "An officer advised that {small} recommendations were overdue and had been escalated to directors."),
    ],
    "pension-fund": [
        ("How did the Fund's investments meet its {ESG} commitments?",
         "The officer advised that the Fund's {ESG} score had improved by {pct}% over the year."),
        ("How many members of the {LGPS} had opted out over the year?",
         "An officer advised that {num} members of the {LGPS} had opted out, mostly younger staff."),
    ],
    "corporate-parenting": [
        ("How many care leavers were {NEET}?",
         "An officer advised that {pct}% of care leavers were {NEET}, compared with {pct2}% nationally."),
        ("Were {IRO} caseloads within the recommended range?",
         "The officer advised that {IRO} caseloads averaged {small}0 children and were within the recommended range."),
        ("How many {UASC} had left care in {year}?",
         "An officer advised that {small} {UASC} had left care and were supported by personal advisers."),
    ],
    "health-wellbeing-board": [
        ("How had the {JSNA} informed the Board's priorities?",
         "An officer advised that the {JSNA} had identified childhood obesity and mental health as priorities."),
        ("Was the {BCF} plan on track?",
         "The officer advised that the {BCF} plan was on track and that {money} had been spent on reablement."),
        ("How were {GP} practices involved in the programme?",
         "An officer advised that {small} {GP} practices had joined the programme and that the {ICB} was funding it."),
    ],
    "employees-forum": [
        ("How many {FTE} days had been lost to sickness absence?",
         "An officer advised that {num} {FTE} days had been lost, an average of {small} days per employee."),
        ("Were {DBS} checks being renewed on time?",
         "The officer advised that {pct}% of {DBS} checks had been renewed on time and HR were following up the rest."),
    ],
    "traffic-road-safety": [
        ("When would the {CPZ} review in {ward} ward be completed?",
         "An officer advised that the {CPZ} consultation in {ward} ward would close in {month}."),
        ("How many {EV} charging points had been installed?",
         "The officer advised that {num} {EV} charging points had been installed across the borough."),
        ("Had the scheme reduced {ASB} around schools?",
         "An officer advised that reports of {ASB} near schools had fallen by {pct}%."),
    ],
}

# Promises as the seed records them, each with its undertaking's text. They
# appear only in an exchange that lists the undertaking: untracked, they are
# what the builder's undertaking.untracked check reports.
PROMISES = [
    ("She added that a breakdown of the representations would be included in future reports.",
     "Include a breakdown of the representations in future reports."),
    ("An officer added that a further update would be provided to the Committee in {month}.",
     "Provide a further update to the Committee."),
]

UNDERTAKINGS = [
    "provide a breakdown of {subject} figures by ward in future reports",
    "circulate the latest performance data on {subject} to Members of the Committee",
    "include a comparison with neighbouring boroughs in the next report",
    "arrange a briefing for Members on {subject}",
    "report back on the outcome of the review of {subject}",
    "provide the number of complaints that had been escalated to stage 2",
    "write to the Member with details of waiting times for {subject}",
    "share the action plan with the Committee once it had been agreed",
    "include equalities data on service users in the next report",
    "confirm the timetable for the consultation on {subject}",
    "provide details of the staffing vacancies in the service",
    "investigate the case raised by the Member and report back",
    "check whether the target for {subject} had been met and advise Members",
    "invite {partner} to attend a future meeting of the Committee",
    "provide the ethnic breakdown of complainants in future complaints reports",
]

INTROS = [
    "The Committee received a report of the {report_of} which provided an update on {subject}.",
    "The Committee considered a report of the {report_of} which set out progress on {subject} during {year}.",
    "The Committee received a report which set out the Council's approach to {subject} and the proposed next steps.",
    "Members considered a report of the {report_of} on {subject}.",
]
FACTS = [
    "The report noted that demand had risen by {pct}% since {year}.",
    "Members were informed that {pct}% of the measures were on target and {small} were being monitored closely.",
    "The report set out spending of {money} against a budget of {money2}.",
    "The officer drew attention to the results of the consultation, to which {num} residents had responded.",
    "The report highlighted work with {partner} to improve outcomes for residents.",
    "Members were informed that a pilot in {ward} ward had been extended for a further year.",
    "The report noted that the service had been shortlisted for a national award.",
]
FOLLOWING = "Following a brief overview of the report, the presenting officers responded to Members' questions as follows."

RESOLUTIONS = [
    "That the report be noted.",
    "That the report and the comments made by Members be noted.",
    "That the recommendations set out in the report be agreed.",
    "That the update be noted and a further report be brought to a future meeting of the Committee.",
    "That the proposals set out in the report be approved, subject to the comments made at the meeting.",
    "That the report be noted, and that the Committee's comments be forwarded to Cabinet.",
    "That:\n\n1. the report be noted;\n2. a further update be provided in {month}.",
]

EXEMPT_ITEMS = [
    ("Contract Award for Facilities Management", 3,
     "The Committee considered the confidential appendix setting out the tender evaluation scores and the prices submitted by each bidder, including a price of {money} from the preferred bidder.",
     "That the contract be awarded to the preferred bidder named in the confidential appendix."),
    ("Write-off of Irrecoverable Debts", 1,
     "The Committee considered the details of {small} individual debtors whose debts totalling {money} were recommended for write-off.",
     "That the debts listed in the confidential appendix be written off."),
    ("Staffing Matter", 1,
     "The Committee considered a confidential report on the conduct of a named employee in the service.",
     "That the recommendation in the confidential report be agreed."),
    ("Acquisition of Property in {ward}", 3,
     "The Committee considered the proposed purchase price of {money} and the negotiating position of the Council.",
     "That the acquisition be approved on the terms set out in the confidential report."),
]

LAPSES = [
    "Officers would keep the matter under review going forward.",
    "The service would utilise the new case management system from {month}.",
]

DONE_NOTES = {
    "open": ["Not yet started; allocated to the service."],
    "in-progress": ["Officers are collating the information and expect to report back shortly.",
                    "Work has started; a draft has been shared with the Chair."],
    "on-hold": ["Paused pending the outcome of the service review."],
    "completed": ["The information was circulated to Members by email.",
                  "Included in the report to this meeting.",
                  "A briefing for Members was held."],
    "withdrawn": ["Superseded by the new performance framework agreed by Cabinet."],
}
STATUS_PLANS = [(["completed"], 4), (["in-progress", "completed"], 4), (["in-progress"], 2),
                (["on-hold", "in-progress", "completed"], 1), (["withdrawn"], 1),
                (["in-progress", "on-hold"], 1), (["open", "in-progress"], 1)]
STATUS_PLAN_LIST = [p for p, w in STATUS_PLANS for _ in range(w)]

# ---------------------------------------------------------------- text helpers

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ,.'’()/&-]*[A-Za-z0-9.)]\Z")
_YAML_WORDS = {"yes", "no", "true", "false", "null", "on", "off", "y", "n"}


_QUOTED = {}


def q(s):
    """A YAML block-context scalar for s: plain when that is safe, else double-quoted."""
    done = _QUOTED.get(s)
    if done is None:
        if _PLAIN.match(s) and s.lower() not in _YAML_WORDS and ": " not in s:
            done = s
        else:
            done = json.dumps(s, ensure_ascii=False)
        if len(_QUOTED) < 100000:
            _QUOTED[s] = done
    return done


def qf(s):
    """A YAML flow-context scalar for s (no commas or brackets in plain form)."""
    if "," in s:
        return json.dumps(s, ensure_ascii=False)
    return q(s)


def cap(s):
    return s[0].upper() + s[1:]


def money(r):
    if r() < 0.5:
        return f"£{12 + int(r() * 979)},000"
    return f"£{1 + int(r() * 9)}.{1 + int(r() * 9)} million"


def pick(seq):
    return lambda r: seq[int(r() * len(seq))]


DYNAMIC = {
    "pct": lambda r: str(3 + int(r() * 93)),
    "pct2": lambda r: str(60 + int(r() * 36)),
    "num": lambda r: f"{20 + int(r() * 3971):,}",
    "small": lambda r: str(2 + int(r() * 11)),
    "weeks": lambda r: str(6 + int(r() * 25)),
    "money": money,
    "money2": money,
    "ward": pick(WARDS),
    "partner": pick(PARTNERS),
    "month": pick(MONTHS),
}


class Page(dict):
    """Format fields for one page: item slots, random figures, abbreviations."""

    def __init__(self, rng):
        super().__init__()
        self.random = rng.random
        self.defined = set()

    def __missing__(self, key):
        term = ABBRS.get(key)
        if term is not None:
            if key in self.defined:
                return key
            self.defined.add(key)
            return f"{term} ({key})"
        return DYNAMIC[key](self.random)


def municipal_year(d):
    return d.year if (d.month, d.day) >= (5, 1) else d.year - 1


def year_label(y):
    return f"{y}-{(y + 1) % 100:02d}"


def year_words(y):
    return f"{y}/{(y + 1) % 100:02d}"


def long_date(d):
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"

# ---------------------------------------------------------------- world


class World:
    """Everything every meeting may refer to, fixed by the seed and N."""

    def __init__(self, seed, meetings, lapse_rate):
        self.seed = seed
        self.lapse_rate = lapse_rate
        rng = random.Random(f"{seed}:people")
        names = [(f, l) for f in FIRST_NAMES for l in LAST_NAMES]
        rng.shuffle(names)
        self.people = {}            # id -> (name, role)
        members = []
        for first, last in names[:96]:
            pid = f"{first}-{last}".lower()
            self.people[pid] = (f"Councillor {first} {last}", "member")
            members.append(pid)
        for oid in sorted(OFFICERS):
            self.people[oid] = (OFFICERS[oid], "officer")
        self.members = {}           # committee -> member ids
        for cid in COMMITTEE_IDS:
            self.members[cid] = sorted(rng.sample(members, COMMITTEE[cid][4] + 3))
        self.schedule = plan_meetings(seed, meetings)
        self.reports = plan_reports(seed)
        self.report_items = plan_report_items(self.schedule, self.reports)
        self.venues = ["Committee Room 1, Eastbrook Civic Centre",
                       "Committee Rooms 1 and 2, Eastbrook Civic Centre",
                       "Council Chamber, Eastbrook Civic Centre",
                       "Committee Room 5, Eastbrook Civic Centre"]

    def name(self, who):
        p = self.people.get(who)
        return p[0] if p else who


def weekdays(first, last, include_weekends):
    days, d, one = [], first, dt.timedelta(days=1)
    while d <= last:
        if include_weekends or d.weekday() < 5:
            days.append(d)
        d += one
    return days


def plan_meetings(seed, n):
    """committee -> sorted meeting dates, n in all, evenly spread over twenty years."""
    first = dt.date(FIRST_YEAR, 5, 1)
    days = weekdays(first, AS_OF, False)
    per = [n // len(COMMITTEE_IDS) + (1 if i < n % len(COMMITTEE_IDS) else 0)
           for i in range(len(COMMITTEE_IDS))]
    if max(per) > len(days):
        days = weekdays(first, AS_OF, True)
        if max(per) > len(days):
            sys.exit(f"gen_corpus: at most {len(days) * len(COMMITTEE_IDS)} meetings fit "
                     f"in {YEARS} years of {len(COMMITTEE_IDS)} committees")
    rng = random.Random(f"{seed}:schedule")
    schedule = {}
    for cid, k in zip(COMMITTEE_IDS, per):
        span = len(days)
        # One day from each of k equal strata: regular spacing, unique dates.
        schedule[cid] = [days[rng.randrange(i * span // k, (i + 1) * span // k)]
                         for i in range(k)]
    return schedule


def split_percent(rng, k):
    """k whole percentages adding up to 100, largest first."""
    cuts = sorted(rng.sample(range(1, 100), k - 1))
    parts = [b - a for a, b in zip([0] + cuts, cuts + [100])]
    return sorted(parts, reverse=True)


def plan_reports(seed):
    """(series, period start year) -> report fields, periods 2005-06 .. 2024-25."""
    rng = random.Random(f"{seed}:reports")
    reports = {}
    for y in range(FIRST_YEAR - 1, FIRST_YEAR - 1 + YEARS):
        for series in sorted(SERIES):
            s = SERIES[series]
            if not s["every_year"] and rng.random() < 0.5:
                continue
            stages = []
            received = rng.randint(80, 400)
            for name, scale in (("Stage 1 (local resolution)", 1.0),
                                ("Stage 2 (independent investigation)", 0.06),
                                ("Stage 3 (review panel)", 0.015)):
                r = int(received * scale * rng.uniform(0.5, 1.5))
                up = rng.randint(0, r // 4)
                part = rng.randint(0, r // 4)
                wd = rng.randint(0, r // 10)
                nup = rng.randint(0, r - up - part - wd)
                stages.append(dict(name=name, received=r, upheld=up, partly_upheld=part,
                                   not_upheld=nup, withdrawn=wd,
                                   in_time_percent=rng.randint(55, 98)))
            ctx = [(label, rng.randint(lo, hi)) for label, lo, hi in s["context"]]
            svc = split_percent(rng, len(s["services"]))
            rsn = split_percent(rng, len(s["reasons"]))
            eth_total = stages[0]["received"]
            eth_cuts = sorted(rng.randint(0, eth_total) for _ in range(len(ETHNICITY) - 1))
            eth = [b - a for a, b in zip([0] + eth_cuts, eth_cuts + [eth_total])]
            referred = rng.randint(0, 8)
            reports[(series, y)] = dict(
                series=series, year=y,
                id=f"{series}-{year_label(y)}",
                title=f"{s['title']} {year_words(y)}",
                context=ctx, stages=stages,
                ombudsman=(referred, rng.randint(0, referred)),
                representations=sum(st["received"] for st in stages) + rng.randint(20, 200),
                compliments=rng.randint(10, 120),
                by_service=list(zip(s["services"], svc)),
                by_reason=list(zip(s["reasons"], rsn)),
                ethnicity=list(zip(ETHNICITY, eth)),
                report_of=s["report_of"])
    return reports


def plan_report_items(schedule, reports):
    """meeting id -> report key: each report is considered at its committee's
    first meeting from September of the next municipal year (else its last)."""
    items = {}
    for (series, y), rep in sorted(reports.items()):
        cid = SERIES[series]["committee"]
        start, sep, end = dt.date(y + 1, 5, 1), dt.date(y + 1, 9, 1), dt.date(y + 2, 4, 30)
        dates = [d for d in schedule[cid] if start <= d <= end]
        if not dates:
            continue
        later = [d for d in dates if d >= sep]
        d = later[0] if later else dates[-1]
        items[f"{d.isoformat()}-{cid}"] = (series, y)
    return items

# ---------------------------------------------------------------- one meeting


# The text statistics of a meeting: ranges are inclusive. gen_corpus_prose.py
# sets other values before generating; these defaults are this corpus's.
STATS = dict(
    items=(1, 3),               # substantive items besides the procedural ones
    facts=(1, 2),               # paragraphs of the report's facts in an item's minutes
    exchanges=(2, 4),           # questions and answers in an item's discussion
    extra_answers=(0, 2),       # further paragraphs of each answer
    undertaking_rate=0.2,       # share of answers that give an undertaking
)


def make_meeting(world, cid, i):
    """The meeting's data as plain dicts, in page order."""
    dates = world.schedule[cid]
    date = dates[i]
    mid = f"{date.isoformat()}-{cid}"
    rng = random.Random(f"{world.seed}:{mid}")
    page = Page(rng)
    r = rng.random      # one float per draw: much cheaper than randint and choice

    def ri(lo, hi):
        return lo + int(r() * (hi - lo + 1))

    def ch(seq):
        return seq[int(r() * len(seq))]

    def sa(seq, k):
        pool = list(seq)
        for j in range(k):
            x = j + int(r() * (len(pool) - j))
            pool[j], pool[x] = pool[x], pool[j]
        return pool[:k]

    committee = COMMITTEE[cid]
    officers_pool = committee[3]
    pool = world.members[cid]
    present = sorted(sa(pool, committee[4] - ri(0, 2)))
    absent = [m for m in pool if m not in present]
    apologies = sorted(sa(absent, ri(0, min(2, len(absent)))))
    officers = sorted(sa(officers_pool, min(len(officers_pool), ri(2, 4))))
    m_year = municipal_year(date)
    page["year"] = year_words(m_year - 1)
    meeting = dict(id=mid, committee=cid, date=date,
                   time=ch(["18:30", "19:00", "19:30", "10:00", "14:00"]),
                   venue=ch(world.venues),
                   status="draft" if i == len(dates) - 1 else "confirmed",
                   members=present, officers=officers, apologies=apologies,
                   items=[], undertakings=[])
    items = meeting["items"]
    number = 1

    # Procedural items.
    declared = r() < 0.2
    items.append(dict(
        number=str(number), title="Declarations of Interests",
        minutes=(f"{world.name(ch(present))} declared a non-pecuniary interest in the "
                 "business of the meeting, as a governor of a local school.\n"
                 "They remained in the room whilst the matter was considered."
                 if declared else None),
        resolved=("To note the declaration of interest made." if declared else
                  "To note that there were no declarations of interests made by Members.")))
    number += 1
    prev = dates[i - 1] if i > 0 else None
    items.append(dict(
        number=str(number), title="Minutes",
        resolved=(f"That the minutes of the meeting held on {long_date(prev)} be taken as read "
                  "and signed as a correct record." if prev else
                  "That the minutes of the previous meeting be taken as read and signed as a correct record.")))
    number += 1
    if r() < 0.3:
        items.append(dict(
            number=str(number), title="Public Questions, Petitions and Deputations",
            resolved="To note that no public questions were put, and no petitions or deputations were received."))
        number += 1

    report_key = world.report_items.get(mid)
    n_subst = ri(*STATS["items"]) + (0 if len(items) > 2 else 1)
    lapse_at = int(r() * n_subst) if r() < world.lapse_rate else -1
    u_count = 0
    topics = committee[5]
    used_topics = sa(range(len(topics)), min(n_subst, len(topics)))
    for k in range(n_subst):
        if k == 0 and report_key:
            rep = world.reports[report_key]
            title, subject, report_of = rep["title"], "complaints", rep["report_of"]
        else:
            rep = None
            title, subject, report_of = topics[used_topics[k % len(used_topics)]]
            if k >= len(used_topics):      # more items than topics: a second part
                title = f"{title} (part {k // len(used_topics) + 1})"
        page["subject"] = subject
        page["report_of"] = OFFICERS[report_of]
        item = dict(number=str(number), title=title, report_of=OFFICERS[report_of])
        if r() < 0.05 and k > 0 and not items[-1]["number"].endswith("a"):
            item["number"] = f"{number - 1}a"    # an item added to the agenda late
        else:
            number += 1
        if rep:
            item["report"] = rep["id"]
            item["minutes"] = report_minutes(page, rep)
        else:
            lines = [INTROS[int(r() * len(INTROS))].format_map(page)]
            for f in sa(FACTS, ri(*STATS["facts"])):
                lines.append(f.format_map(page))
            lines.append("")
            lines.append(FOLLOWING)
            item["minutes"] = "\n".join(lines)
        # Discussion: exchanges of question and answer.
        exchanges = []
        specific = SPECIFIC.get(cid, [])
        specific = sa(specific, len(specific))     # no question twice in an item
        item_undertakings = []
        for e in range(ri(*STATS["exchanges"])):
            asker = ch(present) if r() < 0.7 else "A Member"
            answerer = ch(officers) if r() < 0.7 else "An officer"
            kind = r()
            if kind < 0.07:
                exchanges.append(dict(asked_by=asker,
                                      question=ch(STATEMENTS).format_map(page)))
                continue
            if kind < 0.12:
                exchanges.append(dict(answered_by=answerer,
                                      answer=ch(OFFICER_ADDITIONS).format_map(page)))
                continue
            if specific and r() < 0.45:
                qt, at = specific.pop()
                question = [qt.format_map(page)]
                answer = [at.format_map(page)]
            else:
                question = [QUESTIONS[int(r() * len(QUESTIONS))].format_map(page)
                            for _ in range(ri(1, 2))]
                answer = [ANSWERS[int(r() * len(ANSWERS))].format_map(page)]
            for _ in range(ri(*STATS["extra_answers"])):
                answer.append(ANSWERS[int(r() * len(ANSWERS))].format_map(page))
            if lapse_at == k and e == 0:
                answer.append(ch(LAPSES).format_map(page))
            ex = dict(asked_by=asker, question="\n".join(question),
                      answered_by=answerer)
            if r() < STATS["undertaking_rate"]:
                u_count += 1
                uid = f"{mid}-u{u_count}"
                if r() < 0.25:
                    said, text = ch(PROMISES)
                    answer.append(said.format_map(page))
                else:
                    phrase = ch(UNDERTAKINGS).format_map(page)
                    answer.append(f"The officer undertook to {phrase}.")
                    text = cap(phrase) + "."
                roll = r()
                if rep and roll < 0.5:
                    due = "next-report"
                elif roll < 0.6:
                    due = "next-meeting"
                else:
                    due = (date + dt.timedelta(days=ri(21, 150))).isoformat()
                und = dict(id=uid, text=text,
                           owner=answerer if answerer in world.people else report_of,
                           due=due)
                if asker in world.people and r() < 0.5:
                    und["requested_by"] = asker
                item_undertakings.append(und)
                ex["undertakings"] = [uid]
                meeting["undertakings"].append((uid, und["owner"]))
            ex["answer"] = "\n".join(answer)
            exchanges.append(ex)
        item["discussion"] = exchanges
        if item_undertakings:
            item["undertakings"] = item_undertakings
        item["resolved"] = ch(RESOLUTIONS).format_map(page)
        if rep:
            item["documents"] = [dict(title=rep["title"],
                                      file=f"documents/{date.isoformat()}/{rep['id']}.pdf")]
        elif r() < 0.02:
            item["documents"] = [dict(title=f"Report of the {OFFICERS[report_of]}",
                                      file=f"documents/{date.isoformat()}/{cid}-item-{item['number']}.pdf")]
        items.append(item)

    if r() < 0.05 and len(items) < 7:
        title, para, minutes, resolved = ch(EXEMPT_ITEMS)
        items.append(dict(
            number=str(number), title="Exclusion of the Press and Public",
            resolved=("That the press and public be excluded from the meeting for the following "
                      "item of business, on the grounds that it involves the likely disclosure of "
                      f"exempt information as defined in paragraph {para} of Part 1 of Schedule "
                      "12A to the Local Government Act 1972.")))
        number += 1
        items.append(dict(number=str(number), title=title.format_map(page), exempt=para,
                          minutes=minutes.format_map(page), resolved=resolved))
    return meeting


def report_minutes(page, rep):
    st1, st2, st3 = rep["stages"]
    top_service, top_share = rep["by_service"][0]
    referred = rep["ombudsman"][0]
    lines = [
        f"The Committee received a report of the {OFFICERS[rep['report_of']]} which set out "
        f"the statutory {rep['title']}.",
        "",
        FOLLOWING,
        "",
        f"During {year_words(rep['year'])} there were {st1['received']} stage 1 complaints, "
        f"{st2['received']} stage 2 complaints and {st3['received']} stage 3 complaints.",
        f"As with previous years, the majority of received transactions were via {top_service} ({top_share}%).",
        f"{st1['in_time_percent']}% of stage 1 complaints were responded to within timescale.",
    ]
    if referred:
        cases = "one case had" if referred == 1 else f"{referred} cases had"
        lines.append(f"{cap(cases)} been referred to the {{LGSCO}} during the year.".format_map(page))
    return "\n".join(lines)

# ---------------------------------------------------------------- YAML writers


def emit_block(out, indent, key, text):
    pad = " " * (indent + 2)
    out.append(f"{' ' * indent}{key}: |\n")
    for line in text.split("\n"):
        out.append(pad + line + "\n" if line else "\n")


def meeting_yaml(m):
    out = [f"committee: {m['committee']}\n", f"date: {m['date'].isoformat()}\n",
           f"time: \"{m['time']}\"\n", f"venue: {q(m['venue'])}\n",
           f"status: {m['status']}\n", "attendance:\n",
           f"  members: [{', '.join(qf(x) for x in m['members'])}]\n",
           f"  officers: [{', '.join(qf(x) for x in m['officers'])}]\n"]
    if m["apologies"]:
        out.append(f"  apologies: [{', '.join(qf(x) for x in m['apologies'])}]\n")
    out.append("items:\n")
    for it in m["items"]:
        out.append(f"  - number: \"{it['number']}\"\n")
        out.append(f"    title: {q(it['title'])}\n")
        if "exempt" in it:
            out.append(f"    exempt: {it['exempt']}\n")
        if "report_of" in it:
            out.append(f"    report_of: {q(it['report_of'])}\n")
        if "report" in it:
            out.append(f"    report: {it['report']}\n")
        if it.get("minutes"):
            emit_block(out, 4, "minutes", it["minutes"])
        if it.get("discussion"):
            out.append("    discussion:\n")
            for ex in it["discussion"]:
                first = True
                for key in ("asked_by", "question", "answered_by", "answer"):
                    if key not in ex:
                        continue
                    lead = "      - " if first else "        "
                    first = False
                    if key in ("question", "answer"):
                        out.append(f"{lead}{key}: |\n")
                        for line in ex[key].split("\n"):
                            out.append("          " + line + "\n")
                    else:
                        out.append(f"{lead}{key}: {q(ex[key])}\n")
                if "undertakings" in ex:
                    out.append(f"        undertakings: [{', '.join(ex['undertakings'])}]\n")
        if it.get("undertakings"):
            out.append("    undertakings:\n")
            for u in it["undertakings"]:
                out.append(f"      - id: {u['id']}\n        text: {q(u['text'])}\n"
                           f"        owner: {q(u['owner'])}\n        due: {u['due']}\n")
                if "requested_by" in u:
                    out.append(f"        requested_by: {q(u['requested_by'])}\n")
        emit_block(out, 4, "resolved", it["resolved"])
        if it.get("documents"):
            out.append("    documents:\n")
            for d in it["documents"]:
                out.append(f"      - title: {q(d['title'])}\n        file: {d['file']}\n")
    return "".join(out)


def report_yaml(r):
    out = [f"series: {r['series']}\n", f"title: {q(r['title'])}\n",
           f"period: {{from: {r['year']}-04-01, to: {r['year'] + 1}-03-31}}\n", "context:\n"]
    for label, value in r["context"]:
        out.append(f"  - {{label: {qf(label)}, value: {value}}}\n")
    out.append("stages:\n")
    for st in r["stages"]:
        out.append(f"  - name: {q(st['name'])}\n")
        for key in ("received", "upheld", "partly_upheld", "not_upheld", "withdrawn",
                    "in_time_percent"):
            out.append(f"    {key}: {st[key]}\n")
    out.append(f"ombudsman: {{referred: {r['ombudsman'][0]}, upheld: {r['ombudsman'][1]}}}\n")
    out.append(f"representations: {r['representations']}\ncompliments: {r['compliments']}\n")
    for key in ("by_service", "by_reason"):
        out.append(f"{key}:\n")
        for label, pct in r[key]:
            out.append(f"  - {{label: {qf(label)}, percent: {pct}}}\n")
    out.append("equalities:\n  ethnicity:\n")
    for label, count in r["ethnicity"]:
        out.append(f"    - {{label: {qf(label)}, count: {count}}}\n")
    out.append("notes: |\n  Synthetic figures written by the benchmark corpus generator.\n"
               "  Complainants may be counted in more than one stage.\n")
    return "".join(out)


def site_yaml():
    return ("title: Eastbrook Council committee reports\n"
            "organisation: London Borough of Eastbrook\n"
            "language: en-GB\n"
            "municipal_year_starts: 05-01\n"
            "theme: default\n"
            "base_url: https://example.gov.uk/reports/\n"
            f"as_of: {AS_OF.isoformat()}\n")


def committees_yaml():
    out = []
    for cid in COMMITTEE_IDS:
        c = COMMITTEE[cid]
        out.append(f"- id: {cid}\n  name: {q(c[1])}\n  description: {q(c[2])}\n")
    return "".join(out)


def people_yaml(world):
    out = []
    for pid in sorted(world.people):
        name, role = world.people[pid]
        out.append(f"- id: {pid}\n  name: {q(name)}\n  role: {role}\n")
    return "".join(out)


ABOUT_MD = """\
---
title: About these records
order: 1
---

This site publishes the minutes of the committees of the London Borough of
Eastbrook, the annual complaints reports they consider, and what has happened
to each undertaking officers gave at a meeting.

The records are synthetic: they were written by a program to measure how fast
the site can be built. Any resemblance to a real meeting is a coincidence.
"""

ACCESSIBILITY_MD = """\
---
title: Accessibility statement
order: 2
---

The London Borough of Eastbrook is committed to making this website accessible,
in accordance with the Public Sector Bodies (Websites and Mobile Applications)
(No. 2) Accessibility Regulations 2018.

This website is fully compliant with the Web Content Accessibility Guidelines
(WCAG) version 2.2 AA standard.

If you need information in a different format, or find a problem not listed on
this page, contact the democratic services team. We aim to reply within five
working days.
"""

# ---------------------------------------------------------------- actions


def make_actions(world, given):
    """Action point entries for some undertakings: file name -> text."""
    rng = random.Random(f"{world.seed}:actions")
    files = {}
    for date, cid, uid, owner in sorted(given):
        if rng.random() >= 0.45:
            continue
        plan = rng.choice(STATUS_PLAN_LIST)
        dates = world.schedule[cid]
        entries, last = [], date
        for status in plan:
            d = last + dt.timedelta(days=rng.randint(14, 120))
            meeting = None
            if rng.random() < 0.5:
                lo, hi = 0, len(dates)
                while lo < hi:                     # first meeting on or after d
                    mid_ = (lo + hi) // 2
                    if dates[mid_] < d:
                        lo = mid_ + 1
                    else:
                        hi = mid_
                if lo < len(dates):
                    d = dates[lo]
                    meeting = f"{d.isoformat()}-{cid}"
            if d > AS_OF:
                break
            entries.append((d, status, rng.choice(DONE_NOTES[status]), meeting))
            last = d
        if not entries:
            continue
        name = f"{year_label(municipal_year(date))}-{cid}.yaml"
        out = files.setdefault(name, [])
        for d, status, note, meeting in entries:
            out.append(f"- undertaking: {uid}\n  date: {d.isoformat()}\n  status: {status}\n"
                       f"  note: {q(note)}\n")
            if meeting:
                out.append(f"  meeting: {meeting}\n")
    return {name: "".join(parts) for name, parts in files.items()}

# ---------------------------------------------------------------- Hugo mirror


def meeting_md(world, m):
    c = COMMITTEE[m["committee"]]
    names = world.name
    out = ["---\n",
           f"title: {json.dumps(c[1] + ', ' + long_date(m['date']), ensure_ascii=False)}\n",
           f"date: {m['date'].isoformat()}\n",
           f"committee: {m['committee']}\n",
           "---\n\n",
           f"Venue: {m['venue']}, {m['time']}.\n",
           f"Status: {m['status']}.\n\n",
           "## Attendance\n\n",
           f"Members: {', '.join(names(x) for x in m['members'])}.\n\n",
           f"Officers: {', '.join(names(x) for x in m['officers'])}.\n\n"]
    if m["apologies"]:
        out.append(f"Apologies: {', '.join(names(x) for x in m['apologies'])}.\n\n")
    for it in m["items"]:
        out.append(f"## {it['number']}. {it['title']}\n\n")
        if "exempt" in it:
            out.append(f"Exempt under paragraph {it['exempt']} of Schedule 12A.\n\n")
            continue
        if "report_of" in it:
            out.append(f"Report of the {it['report_of']}.\n\n")
        if it.get("minutes"):
            out.append(it["minutes"] + "\n\n")
        for ex in it.get("discussion", ()):
            if "question" in ex:
                out.append(f"**{names(ex['asked_by'])}:** {ex['question']}\n\n")
            if "answer" in ex:
                out.append(f"**{names(ex['answered_by'])}:** {ex['answer']}\n\n")
        for u in it.get("undertakings", ()):
            out.append(f"- Undertaking: {u['text']} Owner: {names(u['owner'])}; due: {u['due']}.\n")
        if it.get("undertakings"):
            out.append("\n")
        out.append(f"**Resolved:** {it['resolved']}\n\n")
        for d in it.get("documents", ()):
            out.append(f"[{d['title']}](/{d['file']})\n\n")
    return "".join(out)


def report_md(r):
    out = ["---\n", f"title: {json.dumps(r['title'])}\n", f"date: {r['year'] + 1}-03-31\n",
           "---\n\n| Stage | Received | Upheld | Partly upheld | Not upheld | Withdrawn | In time |\n",
           "|---|---:|---:|---:|---:|---:|---:|\n"]
    for st in r["stages"]:
        out.append(f"| {st['name']} | {st['received']} | {st['upheld']} | {st['partly_upheld']} "
                   f"| {st['not_upheld']} | {st['withdrawn']} | {st['in_time_percent']}% |\n")
    out.append("\n| Service | Share |\n|---|---:|\n")
    for label, pct in r["by_service"]:
        out.append(f"| {label} | {pct}% |\n")
    out.append(f"\nRepresentations: {r['representations']}. Compliments: {r['compliments']}.\n")
    return "".join(out)


HUGO_CONFIG = """\
baseURL = "https://example.gov.uk/reports/"
languageCode = "en-gb"
title = "Eastbrook Council committee reports"
disableKinds = ["taxonomy", "term"]
"""

HUGO_BASEOF = """\
<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ .Site.Title }}</title>
</head>
<body>
<a href="#main">Skip to content</a>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
<nav><ul>{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav>
</header>
<main id="main">{{ block "main" . }}{{ end }}</main>
</body>
</html>
"""

HUGO_SINGLE = """\
{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>{{ with .Params.committee }} &middot; {{ . }}{{ end }}</p>
{{ .Content }}
</article>
{{ end }}
"""

HUGO_LIST = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></li>
{{ end }}
</ul>
{{ end }}
"""

# Like a council feed: the latest 20 entries, not the whole archive.
HUGO_RSS = """\
<rss version="2.0"><channel><title>{{ .Title }}</title><link>{{ .Permalink }}</link>
{{ range first 20 .Pages }}<item><title>{{ .Title }}</title><link>{{ .Permalink }}</link><pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" }}</pubDate></item>
{{ end }}</channel></rss>
"""

# ---------------------------------------------------------------- files


def minimal_pdf(title):
    """A small valid one-page PDF that names the document."""
    text = title.replace("\\", "").replace("(", "").replace(")", "")
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1", "replace")
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


class Writer:
    """Writes files under a root, creating folders once, counting bytes."""

    def __init__(self, root):
        self.root = root
        self.dirs = set()
        self.bytes = 0
        self.files = 0

    def write(self, rel, data):
        path = os.path.join(self.root, rel)
        d = os.path.dirname(path)
        if d not in self.dirs:
            os.makedirs(d, exist_ok=True)
            self.dirs.add(d)
        if isinstance(data, str):
            data = data.encode("utf-8")
        with open(path, "wb") as f:
            f.write(data)
        self.bytes += len(data)
        self.files += 1


def prepare(root, parts):
    """Empty a previous corpus at root (only one this script wrote)."""
    if os.path.isdir(root) and os.listdir(root):
        if not os.path.exists(os.path.join(root, MARKER)):
            sys.exit(f"gen_corpus: {root} is not empty and was not written by gen_corpus.py")
        for p in parts:
            full = os.path.join(root, p)
            if os.path.isdir(full):
                shutil.rmtree(full)
            elif os.path.exists(full):
                os.remove(full)
    os.makedirs(root, exist_ok=True)
    with open(os.path.join(root, MARKER), "w") as f:
        f.write("Written by tests/bench/gen_corpus.py; may be deleted and rewritten.\n")


_JOB = None    # (world, site folder, Hugo folder): set before worker processes fork


def write_meetings(task):
    """Write some meetings of one committee; return what the actions and documents need."""
    world, out, hugo_out = _JOB
    cid, indices = task
    site = Writer(out)
    hugo = Writer(hugo_out) if hugo_out else None
    given, documents = [], {}
    for i in indices:
        m = make_meeting(world, cid, i)
        date = m["date"]
        site.write(f"content/meetings/{date.year}/{m['id']}.yaml", meeting_yaml(m))
        for uid, owner in m["undertakings"]:
            given.append((date, cid, uid, owner))
        for it in m["items"]:
            for d in it.get("documents", ()):
                documents[d["file"]] = d["title"]
        if hugo:
            hugo.write(f"content/meetings/{date.year}/{m['id']}.md", meeting_md(world, m))
    counts = (site.files, site.bytes, hugo.files if hugo else 0, hugo.bytes if hugo else 0)
    return given, documents, counts


def generate(args):
    """Write the site (and the Hugo site); return the figures main reports."""
    world = World(args.seed, args.meetings, args.lapse_rate)
    prepare(args.out, ["data", "content"])
    site = Writer(args.out)
    hugo = None
    if args.hugo:
        prepare(args.hugo, ["config.toml", "layouts", "content", "static", "public", "resources"])
        hugo = Writer(args.hugo)

    site.write("data/site.yaml", site_yaml())
    site.write("data/committees.yaml", committees_yaml())
    site.write("data/glossary.yaml", glossary_text())
    site.write("data/people.yaml", people_yaml(world))
    site.write("content/pages/about.md", ABOUT_MD)
    site.write("content/pages/accessibility.md", ACCESSIBILITY_MD)
    for key in sorted(world.reports):
        r = world.reports[key]
        site.write(f"content/reports/{r['series']}/{year_label(r['year'])}.yaml", report_yaml(r))
    if hugo:
        hugo.write("config.toml", HUGO_CONFIG)
        hugo.write("layouts/_default/baseof.html", HUGO_BASEOF)
        hugo.write("layouts/_default/single.html", HUGO_SINGLE)
        hugo.write("layouts/_default/list.html", HUGO_LIST)
        hugo.write("layouts/_default/rss.xml", HUGO_RSS)
        hugo.write("content/_index.md", '---\ntitle: "Eastbrook Council committee reports"\n---\n')
        hugo.write("content/about.md", ABOUT_MD.replace("order: 1", "weight: 1"))
        hugo.write("content/accessibility.md", ACCESSIBILITY_MD.replace("order: 2", "weight: 2"))
        hugo.write("content/meetings/_index.md", '---\ntitle: "Meetings"\n---\n')
        hugo.write("content/reports/_index.md", '---\ntitle: "Reports"\n---\n')
        for series in sorted(SERIES):
            hugo.write(f"content/reports/{series}/_index.md",
                       f"---\ntitle: {json.dumps(SERIES[series]['title'] + 's')}\n---\n")
        for key in sorted(world.reports):
            r = world.reports[key]
            hugo.write(f"content/reports/{r['series']}/{year_label(r['year'])}.md", report_md(r))

    years = sorted({d.year for dates in world.schedule.values() for d in dates})
    if hugo:
        for year in years:
            hugo.write(f"content/meetings/{year}/_index.md",
                       f'---\ntitle: "Meetings in {year}"\n---\n')
    tasks = []            # one committee's meetings in one calendar year
    for cid in COMMITTEE_IDS:
        by_year = {}
        for i, date in enumerate(world.schedule[cid]):
            by_year.setdefault(date.year, []).append(i)
        tasks += [(cid, by_year[y]) for y in sorted(by_year)]
    global _JOB
    _JOB = (world, args.out, args.hugo)
    if args.jobs > 1:
        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            results = pool.map(write_meetings, tasks, chunksize=4)
    else:
        results = [write_meetings(t) for t in tasks]
    given = []            # (date, committee, undertaking id, owner)
    documents = {}        # file under content/ -> title
    meeting_bytes = 0
    for g, docs, counts in results:
        given += g
        documents.update(docs)
        meeting_bytes += counts[1]
        site.files += counts[0]
        site.bytes += counts[1]
        if hugo:
            hugo.files += counts[2]
            hugo.bytes += counts[3]

    for name, text in sorted(make_actions(world, given).items()):
        site.write(f"content/actions/{name}", text)
    for path in sorted(documents):
        pdf = minimal_pdf(documents[path])
        site.write(f"content/{path}", pdf)
        if hugo:
            hugo.write(f"static/{path}", pdf)
    return world, site, hugo, meeting_bytes, len(given)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--meetings", type=int, required=True, help="number of meetings")
    ap.add_argument("--out", required=True, help="site folder to write (data/, content/)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--hugo", help="also write the same text as a Hugo site here")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                    help="worker processes (default: one per CPU); output does not depend on it")
    ap.add_argument("--lapse-rate", type=float, default=0.01,
                    help="share of meetings with one glossary warning (default 0.01)")
    args = ap.parse_args()
    if args.meetings < 1:
        ap.error("--meetings must be at least 1")
    world, site, hugo, meeting_bytes, undertakings = generate(args)
    n = args.meetings
    print(f"gen_corpus: {n} meetings, {undertakings} undertakings, {len(world.reports)} reports; "
          f"{site.files} files, {site.bytes / 1e6:.1f} MB in {args.out} "
          f"({meeting_bytes / n:.0f} bytes per meeting)"
          + (f"; Hugo: {hugo.files} files, {hugo.bytes / 1e6:.1f} MB in {args.hugo}" if hugo else ""),
          file=sys.stderr)


if __name__ == "__main__":
    main()
