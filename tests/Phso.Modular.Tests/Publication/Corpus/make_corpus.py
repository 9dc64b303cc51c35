#!/usr/bin/env python3
"""Writes anonymisation-corpus.jsonl: synthetic casework texts, written by the Phso.Modular team, with every
identifier marked (start, length, kind) so that the anonymiser's recall and precision can be measured per kind.

Every name, number and address here is invented: NHS numbers are random with a computed check digit, phone numbers are
from Ofcom's ranges kept for drama, postcodes are real-shaped outward codes with invented inward codes, emails use
example.org. The texts mix people the case file names (given to the anonymiser as knownNames) with staff and others it
does not, and carry decoys (amounts, legislation, ward numbers, ordinary ages) that must be left alone.

  python3 make_corpus.py > anonymisation-corpus.jsonl      (deterministic: the same file every time)
"""
import json, random

rng = random.Random(20261203)

# Given names and surnames: some in the shipped gazetteers, some deliberately not (the case file or a title must find those).
FIRST_F = ["Margaret", "Susan", "Patricia", "Aisha", "Joanne", "Siân", "Zoë", "Kasia", "Priya", "Oluwaseun", "Grace", "Deirdre",
           "Bernadette", "Nasreen", "Megan", "Eilidh", "Chidinma", "Harriet", "Yasmin", "Rosalind"]
FIRST_M = ["David", "Peter", "Imran", "Gareth", "Kwame", "Hamish", "Tomasz", "Rajesh", "Declan", "Tarquin", "Mark", "Alan",
           "Emeka", "Callum", "Dafydd", "Jerome", "Anwar", "Lachlan", "Ifor", "Bartholomew"]
SURNAMES = ["Ellis", "Okafor", "Patel", "Llewellyn", "Wiśniewska", "Urquhart", "Pettigrew-Hale", "Brown", "Nwachukwu",
            "MacAulay", "Featherstonehaugh", "Oyelaran", "Hussain", "Thistlethwaite", "O'Driscoll", "Barraclough", "Quayle",
            "Venkataraman", "Szymańska", "Abernethy", "Kaur", "Cholmondeley", "Adeyemi", "Penhaligon"]
STAFF_TITLES = ["Dr", "Nurse", "Sister", "Mr", "Ms", "Dr", "Professor"]
JOBS = ["consultant", "ward manager", "staff nurse", "GP", "practice manager", "complaints manager", "healthcare assistant", "midwife", "paramedic"]
STREETS = ["Road", "Street", "Avenue", "Lane", "Close", "Drive", "Grove", "Crescent", "Gardens", "Terrace", "Way"]
STREET_WORDS = ["Elm", "Station", "Church", "Victoria", "Mill", "Queens", "Park", "Hawthorn", "Beech", "Chapel", "Windsor", "Larch"]
TOWNS = ["Leeds", "Bristol", "Cardiff", "Swansea", "Sheffield", "Norwich", "Exeter", "Derby", "Bolton", "Wrexham"]
OUTWARD = ["LS6", "BS3", "CF10", "SA1", "S11", "NR2", "EX4", "DE22", "BL1", "LL11", "M14", "SW1A", "B15", "NE6", "EH9"]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
BODIES = ["Coldharbour NHS Foundation Trust", "Kingsbridge University Hospitals NHS Trust", "Northmoor Integrated Care Board"]

def nhs_number(valid=True):
    while True:
        digits = [rng.randint(0, 9) for _ in range(9)]
        if digits[0] == 0:
            continue
        check = 11 - sum(d * (10 - i) for i, d in enumerate(digits)) % 11
        check = 0 if check == 11 else check
        if check == 10:
            continue
        if not valid:
            check = (check + rng.randint(1, 9)) % 10
        s = "".join(map(str, digits + [check]))
        style = rng.randint(0, 2)
        return s if style == 0 else f"{s[:3]} {s[3:6]} {s[6:]}" if style == 1 else f"{s[:3]}-{s[3:6]}-{s[6:]}"

def ni_number():
    first = rng.choice("ABCEGHJKLMNOPRSTWXYZ")
    second = rng.choice("ABCEGHJKLMNPRSTWXYZ")
    if first + second in ("BG", "GB", "NK", "KN", "NT", "TN", "ZZ"):
        return ni_number()
    d = "".join(str(rng.randint(0, 9)) for _ in range(6))
    tail = rng.choice("ABCD")
    return f"{first}{second}{d}{tail}" if rng.random() < 0.5 else f"{first}{second} {d[:2]} {d[2:4]} {d[4:]} {tail}"

def postcode():
    return f"{rng.choice(OUTWARD)} {rng.randint(1, 9)}{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}"

def phone():
    return rng.choice([f"07700 900{rng.randint(100, 999)}", f"0113 496 0{rng.randint(100, 999)}", f"020 7946 0{rng.randint(100, 999)}",
                       f"+44 7700 900{rng.randint(100, 999)}", f"(0117) 496 0{rng.randint(100, 999)}", f"029 2018 0{rng.randint(100, 999)}"])

def date(year_from=2019, year_to=2025):
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(year_from, year_to)
    style = rng.randint(0, 3)
    return [f"{d} {MONTHS[m-1]} {y}", f"{d}/{m:02d}/{y}", f"{d}{'th' if d not in (1,2,3,21,22,23) else {1:'st',2:'nd',3:'rd',21:'st',22:'nd',23:'rd'}[d]} {MONTHS[m-1]} {y}", f"{MONTHS[m-1]} {d}, {y}"][style]

class Text:
    """Builds a text piece by piece, recording where each marked identifier lands."""
    def __init__(self):
        self.parts, self.marks, self.length = [], [], 0
    def add(self, s):
        self.parts.append(s); self.length += len(s)
    def mark(self, s, kind):
        self.marks.append({"start": self.length, "length": len(s), "kind": kind}); self.add(s)

def person(female=None):
    female = rng.random() < 0.5 if female is None else female
    first = rng.choice(FIRST_F if female else FIRST_M)
    last = rng.choice(SURNAMES)
    title = rng.choice(["Mrs", "Ms", "Miss"]) if female else "Mr"
    return first, last, title, female

def write_text(n):
    t = Text()
    first, last, title, female = person()
    she, her, them = ("she", "her", "her") if female else ("he", "his", "him")
    known = rng.random() < 0.85
    known_names = [{"name": f"{first} {last}", "role": "complainant", "title": title}] if known else []
    rep = None
    if rng.random() < 0.3:
        rf, rl, rt, _ = person()
        rep = (rf, rl, rt)
        if known:
            known_names.append({"name": f"{rf} {rl}", "role": "representative", "title": rt})
    staff_first, staff_last = rng.choice(FIRST_F + FIRST_M), rng.choice(SURNAMES)
    while staff_last == last:
        staff_last = rng.choice(SURNAMES)
    staff_title = rng.choice(STAFF_TITLES)
    if rng.random() < 0.3:
        known_names.append({"name": f"{staff_first} {staff_last}", "role": "staff", "title": staff_title})
    body = rng.choice(BODIES)

    # The opening always names the complainant: known, or with a title so the text itself says it is a person.
    opening = rng.randint(0, 3)
    if opening == 0 or not known:
        t.add(rng.choice(["", "We investigated a complaint from "]) if known else "")
        if not t.parts or t.parts[-1] == "":
            t.parts = [p for p in t.parts if p]; t.add("")
        t.mark(f"{title} {first} {last}" if not known or rng.random() < 0.5 else f"{first} {last}", "PersonName")
        t.add(f" complained about the care {she} received from {body}. ")
    elif opening == 1:
        t.add("We investigated a complaint from ")
        t.mark(f"{title} {last}", "PersonName")
        t.add(f" about {body}. ")
    elif opening == 2:
        t.mark(f"{first} {last}".upper(), "PersonName")
        t.add(f" told us that {body} had not answered {her} complaint. ")
    else:
        t.add("The complaint was brought by ")
        t.mark(f"{first} {last}", "PersonName")
        t.add(". ")

    sentences = list(range(22))
    rng.shuffle(sentences)
    for s in sentences[:rng.randint(4, 7)]:
        if s == 0:
            t.add(f"{she.capitalize()} was born on "); t.mark(date(1930, 1990), "DateOfBirth"); t.add(". ")
        elif s == 1:
            t.add(f"{her.capitalize()} NHS number is "); t.mark(nhs_number(), "NhsNumber"); t.add(". ")
        elif s == 2:
            t.add("The records give the NHS number as "); t.mark(nhs_number(valid=rng.random() < 0.7), "NhsNumber"); t.add(", which the trust later corrected. ")
        elif s == 3:
            t.add("Correspondence was sent to "); t.mark(f"{rng.randint(1, 240)} {rng.choice(STREET_WORDS)} {rng.choice(STREETS)}", "Address")
            t.add(", "); t.mark(f"{rng.choice(TOWNS)} {postcode()}", "Postcode"); t.add(". ")
        elif s == 4:
            t.add(f"{she.capitalize()} lives at "); t.mark(f"Flat {rng.randint(1, 12)}, {rng.randint(1, 99)} {rng.choice(STREET_WORDS)} {rng.choice(STREETS)}", "Address"); t.add(". ")
        elif s == 5:
            t.add("The trust wrote to the postcode "); t.mark(postcode(), "Postcode"); t.add(" rather than the address on file. ")
        elif s == 6:
            t.add("We could reach "); t.mark(f"{title} {last}", "PersonName"); t.add(" on "); t.mark(phone(), "PhoneNumber"); t.add(" during the day. ")
        elif s == 7:
            t.add(f"{she.capitalize()} emailed the trust from "); t.mark(f"{first.lower().replace('ë','e').replace('â','a')}.{last.lower().replace(chr(39), '')}@example.org".replace("ś", "s").replace("ń", "n"), "EmailAddress"); t.add(". ")
        elif s == 8:
            t.add(f"{her.capitalize()} National Insurance number, "); t.mark(ni_number(), "NationalInsuranceNumber"); t.add(", was on the benefits form. ")
        elif s == 9:
            t.add("On "); t.mark(date(), "ExactDate"); t.add(f" {staff_title} "); t.marks.append({"start": t.length - len(staff_title) - 1, "length": len(staff_title) + 1 + len(staff_last), "kind": "PersonName"}); t.add(staff_last)
            t.add(" reviewed the X-ray and did not see the fracture. ")
        elif s == 10:
            job = rng.choice(JOBS)
            t.add(f"The {job}, "); t.mark(f"{staff_first} {staff_last}", "PersonName"); t.add(", said that the ward was short-staffed that night. ")
        elif s == 11:
            t.add("We found that "); t.mark(f"{staff_title} {staff_last}", "PersonName"); t.add("'s notes did not record the conversation. ")
        elif s == 12:
            t.mark(first, "PersonName"); t.add(f" waited eleven hours in the emergency department. ")
        elif s == 13:
            t.add("The hospital number on the discharge letter was "); t.mark(f"RXH{rng.randint(1000000, 9999999)}", "HospitalNumber"); t.add(". ")
        elif s == 14:
            t.add("The trust's complaint reference is "); t.mark(f"C/{rng.randint(2019, 2025)}/{rng.randint(1000, 9999)}", "CaseNumber"); t.add(". ")
        elif s == 15:
            age = rng.randint(90, 104)
            if rng.random() < 0.5:
                t.add(f"{she.capitalize()} was "); t.mark(f"aged {age}", "Age"); t.add(" at the time. ")
            else:
                t.mark(f"A {age}-year-old", "Age"); t.add(" should have had a falls assessment on admission. ")
        elif s == 16:
            child = rng.choice(["Amelia", "Noah", "Freya", "Musa", "Isla", "Teddy"])
            t.add(f"{her.capitalize()} daughter "); t.mark(child, "PersonName"); t.add(f", aged {rng.randint(3, 15)}, was with {her} throughout. ")
            if known:
                known_names.append({"name": child, "role": "child"})
        elif s == 17:
            t.mark(f"{last}'s".replace("'s", ""), "PersonName"); t.add(f"'s family asked for a meeting, which took place in {rng.choice(MONTHS)} {rng.randint(2019, 2025)}. ")
        elif s == 18:
            t.add(f"The trust offered {them} £{rng.randint(100, 2500):,} in recognition of the distress, under section 3 of the NHS Act 2006. ")
        elif s == 19:
            t.add(f"The ward {rng.randint(2, 40)} team had {rng.randint(2, 9)} nurses on shift and followed NICE guideline NG{rng.randint(10, 99)}. ")
        elif s == 20:
            t.add(f"The £{nhs_number().replace(' ', '').replace('-', '')} estate valuation was not relevant to the complaint, nor was a charge of {nhs_number().replace(' ', '').replace('-', '')} pence. ")
        elif s == 21 and rep:
            t.add(f"{her.capitalize()} representative, "); t.mark(f"{rep[2]} {rep[0]} {rep[1]}", "PersonName"); t.add(", wrote to us on "); t.mark(date(), "ExactDate"); t.add(". ")
            t.add("We shared our provisional view with "); t.mark(f"{rep[2]} {rep[1]}", "PersonName"); t.add(". ")
    t.add(f"We asked {body} to apologise to ")
    t.mark(f"{title} {last}" if rng.random() < 0.7 else first, "PersonName")
    t.add(" and to review its procedures.")
    text = "".join(t.parts)
    for m in t.marks:
        assert text[m["start"]:m["start"] + m["length"]].strip() != "", (n, m)
    return {"id": n, "text": text, "knownNames": known_names, "bodyNames": BODIES, "identifiers": t.marks}

import re, os

def handwritten():
    """The hand-written texts (handwritten.txt), harder than the generated ones."""
    here = os.path.dirname(os.path.abspath(__file__))
    for line in open(os.path.join(here, "handwritten.txt"), encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        body, _, people = line.partition(" ||| ")
        text, marks, at = "", [], 0
        for m in re.finditer(r"\[\[(\w+)\|([^\]]+)\]\]", body):
            text += body[at:m.start()]
            marks.append({"start": len(text), "length": len(m.group(2)), "kind": m.group(1)})
            text += m.group(2)
            at = m.end()
        text += body[at:]
        known = []
        for p in filter(None, (x.strip() for x in people.split(";"))):
            name, role, *title = p.split("/")
            known.append({"name": name, "role": role, **({"title": title[0]} if title else {})})
        yield text, known, marks

n = 0
for n in range(1, 161):
    print(json.dumps(write_text(n), ensure_ascii=False))
for text, known, marks in handwritten():
    n += 1
    print(json.dumps({"id": n, "text": text, "knownNames": known, "bodyNames": BODIES, "identifiers": marks, "handwritten": True}, ensure_ascii=False))
