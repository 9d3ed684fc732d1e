#!/usr/bin/env python3
"""A deterministic household-expense dataset for the Outlay benchmark (Python 3 standard library only).

Rows are {date, type, amount, description} as the API takes them:
  * types with a household's frequencies (groceries and eating out most, rent and salary rare);
  * log-normal amounts per type, as decimal strings with 2 digits: salary and refunds positive,
    everything else negative;
  * merchant-like descriptions ("Lidl Kreuzberg", "lunch at Sushi Bar", "Netflix monthly")
    drawn from a few hundred distinct words;
  * dates over several years, in date order (as a household enters them), a spread of rows per day.

The same --seed and --rows give the same bytes on every machine.

  generate.py --rows 100000 --format json --out DIR   # DIR/batch-000001.json ... (arrays of <= --batch rows)
  generate.py --rows 1000 --format csv > expenses.csv  # date,type,amount,description (RFC 4180, CRLF)
  generate.py --list words                             # the distinct lower-cased words of descriptions
  generate.py --list types                             # the types, most frequent first
"""
import argparse
import csv
import datetime
import json
import math
import os
import random
import re
import sys

# type: (relative frequency, median amount, log-normal sigma, sign)
TYPES = {
    "groceries":     (24.0,   38.0, 0.70, -1),
    "food":          (16.0,   14.0, 0.60, -1),
    "transport":     (13.0,    9.0, 0.90, -1),
    "shopping":      ( 8.0,   35.0, 0.90, -1),
    "leisure":       ( 7.0,   25.0, 0.80, -1),
    "household":     ( 4.0,   22.0, 0.80, -1),
    "health":        ( 3.5,   28.0, 0.90, -1),
    "utilities":     ( 3.0,   70.0, 0.50, -1),
    "subscriptions": ( 3.0,   11.0, 0.50, -1),
    "kids":          ( 3.0,   30.0, 0.80, -1),
    "cash":          ( 2.0,   60.0, 0.50, -1),
    "travel":        ( 2.0,  180.0, 1.00, -1),
    "gifts":         ( 2.0,   35.0, 0.70, -1),
    "pets":          ( 1.5,   25.0, 0.70, -1),
    "refund":        ( 1.5,   30.0, 1.00, +1),
    "insurance":     ( 1.0,   85.0, 0.60, -1),
    "education":     ( 1.0,   45.0, 0.90, -1),
    "fees":          ( 1.0,    4.0, 0.80, -1),
    "rent":          ( 1.0, 1150.0, 0.12, -1),
    "salary":        ( 1.0, 2900.0, 0.15, +1),
    "taxes":         ( 0.3,  400.0, 0.80, -1),
}

# Who gets paid (or pays), per type.
MERCHANTS = {
    "groceries": ["Lidl", "Aldi", "Rewe", "Edeka", "Kaufland", "Netto", "Penny", "Spar", "Tesco", "Carrefour",
                  "Migros", "Coop", "Monoprix", "Bio Company", "Denns Biomarkt", "farmers market", "corner shop",
                  "organic store", "butcher", "fishmonger", "greengrocer", "Asia Markt"],
    "food": ["Pizzeria Roma", "Sushi Bar", "Burger King", "McDonalds", "Kebab House", "Thai Garden", "Cafe Central",
             "Starbucks", "bakery", "canteen", "Deliveroo", "Uber Eats", "Lieferando", "Vapiano", "Five Guys",
             "noodle shop", "taqueria", "Trattoria Bella", "Curry Corner", "Bean Bar"],
    "transport": ["BVG", "Deutsche Bahn", "SNCF", "Uber", "Bolt", "FreeNow", "taxi", "Shell", "Aral", "Total",
                  "Esso", "car park", "Nextbike", "Tier scooter", "Flixbus", "car wash", "tyre service"],
    "shopping": ["Amazon", "Zalando", "H&M", "Uniqlo", "Decathlon", "MediaMarkt", "Saturn", "IKEA", "Thalia",
                 "eBay", "Etsy", "Apple Store", "Primark", "TK Maxx", "Galeria", "flea market"],
    "leisure": ["cinema", "Netflix", "Spotify", "theatre", "concert hall", "museum", "zoo", "bowling", "climbing gym",
                "swimming pool", "Steam", "PlayStation Store", "book club", "pub quiz", "escape room", "drinks out"],
    "household": ["dm", "Rossmann", "Hornbach", "Obi", "Bauhaus", "hardware store", "dry cleaner", "cleaning service",
                  "locksmith", "plumber", "florist"],
    "health": ["pharmacy", "dentist", "physiotherapy", "optician", "doctor", "gym", "Urban Sports Club",
               "yoga studio", "hearing clinic"],
    "utilities": ["Vattenfall", "EON", "Stadtwerke", "water board", "Telekom", "Vodafone", "O2", "internet",
                  "electricity", "gas", "heating"],
    "subscriptions": ["Netflix", "Spotify", "Disney Plus", "YouTube Premium", "iCloud", "Dropbox", "newspaper",
                      "magazine", "Audible", "GitHub", "mobile plan"],
    "kids": ["daycare", "school trip", "toy store", "Lego", "kids clothes", "music lessons", "football club",
             "babysitter", "school books", "playground cafe"],
    "cash": ["ATM withdrawal", "cash machine", "bank counter"],
    "travel": ["Lufthansa", "Ryanair", "easyJet", "Airbnb", "Booking", "hotel", "hostel", "camping site",
               "ferry", "car rental", "travel insurance", "ski pass"],
    "gifts": ["birthday present", "wedding gift", "flowers", "Christmas presents", "donation", "charity",
              "Red Cross", "UNICEF"],
    "pets": ["Fressnapf", "vet", "pet shop", "dog groomer", "cat food", "dog walker"],
    "refund": ["Amazon refund", "Zalando return", "Deutsche Bahn delay refund", "tax refund", "deposit return",
               "insurance claim", "overpayment returned", "cashback"],
    "insurance": ["Allianz", "AXA", "HUK", "liability insurance", "health insurance", "home insurance",
                  "car insurance"],
    "education": ["evening course", "language school", "Udemy", "Coursera", "textbooks", "university fee",
                  "driving school"],
    "fees": ["bank fee", "card fee", "late fee", "ATM fee", "account charge", "currency exchange"],
    "rent": ["rent", "landlord", "housing association"],
    "salary": ["salary", "payroll", "wages", "bonus"],
    "taxes": ["tax office", "property tax", "church tax", "vehicle tax", "tax advisor"],
}

PLACES = ["Mitte", "Kreuzberg", "Neukoelln", "Pankow", "Schoeneberg", "Friedrichshain", "Wedding", "Moabit",
          "Charlottenburg", "Spandau", "Tempelhof", "Steglitz", "Lichtenberg", "Treptow", "Prenzlauer Berg",
          "Hamburg", "Munich", "Cologne", "Leipzig", "Dresden", "Paris", "Lyon", "Vienna", "Zurich", "Amsterdam",
          "Rotterdam", "Copenhagen", "Prague", "Lisbon", "Barcelona", "Milan", "station", "airport", "downtown",
          "mall", "high street", "old town", "harbour"]

ITEMS = ["lunch", "dinner", "breakfast", "brunch", "coffee", "snacks", "tickets", "monthly", "annual", "weekly",
         "order", "online", "delivery", "shopping", "top up", "card", "contactless", "subscription", "pass",
         "refill", "repair", "groceries", "takeaway", "family", "weekend", "holiday", "trip", "shoes", "jacket",
         "books", "games", "battery", "medicine", "vitamins", "checkup", "cleaning", "paint", "tools", "plants",
         "present", "party", "share", "split", "deposit", "advance", "instalment", "invoice", "receipt"]

START = datetime.date(2019, 1, 1)
YEARS = 6


def generator(rows, seed, start=START, years=YEARS):
    """Yields (date, type, amount, description) tuples in date order."""
    rng = random.Random(seed)
    names = list(TYPES)
    weights = [TYPES[t][0] for t in names]
    cumulative = []
    total = 0.0
    for w in weights:
        total += w
        cumulative.append(total)
    end = datetime.date(start.year + years, start.month, start.day)
    days = (end - start).days
    i = 0
    for day in range(days):
        date = (start + datetime.timedelta(days=day)).isoformat()
        count = (day + 1) * rows // days - day * rows // days
        for _ in range(count):
            kind = names[_pick(cumulative, rng.random() * total)]
            yield date, kind, amount(rng, kind), description(rng, kind)
            i += 1


def _pick(cumulative, x):
    lo, hi = 0, len(cumulative) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if cumulative[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def amount(rng, kind):
    _, median, sigma, sign = TYPES[kind]
    cents = max(1, min(99_999_999_999_999, round(rng.lognormvariate(math.log(median), sigma) * 100)))
    return ("-" if sign < 0 else "") + f"{cents // 100}.{cents % 100:02d}"


def description(rng, kind):
    merchant = rng.choice(MERCHANTS[kind])
    shape = rng.random()
    if shape < 0.40:
        return merchant
    if shape < 0.70:
        return f"{merchant} {rng.choice(PLACES)}"
    if shape < 0.85:
        return f"{rng.choice(ITEMS)} at {merchant}"
    return f"{merchant} {rng.choice(ITEMS)}"


def words():
    """Every distinct word a description can hold, split as the full-text index splits them, lower-cased."""
    text = " ".join(" ".join(m) for m in MERCHANTS.values()) + " " + " ".join(PLACES) + " " + " ".join(ITEMS) + " at"
    return sorted({w.lower() for w in re.split(r"[^\w]+", text) if w})


def write_json(rows, out, batch):
    os.makedirs(out, exist_ok=True)
    chunk, n = [], 0
    for date, kind, money, text in rows:
        chunk.append({"date": date, "type": kind, "amount": money, "description": text})
        if len(chunk) == batch:
            n += 1
            _dump(chunk, os.path.join(out, f"batch-{n:06d}.json"))
            chunk = []
    if chunk:
        n += 1
        _dump(chunk, os.path.join(out, f"batch-{n:06d}.json"))
    return n


def _dump(chunk, path):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(chunk, f, separators=(",", ":"), ensure_ascii=False)


def write_csv(rows, f):
    writer = csv.writer(f, lineterminator="\r\n")
    writer.writerow(["date", "type", "amount", "description"])
    writer.writerows(rows)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rows", type=int, default=1_000_000, help="number of expenses (default 1,000,000)")
    p.add_argument("--seed", type=int, default=20241, help="random seed (default 20241)")
    p.add_argument("--years", type=int, default=YEARS, help=f"years of dates from {START} (default {YEARS})")
    p.add_argument("--format", choices=["json", "csv"], default="json")
    p.add_argument("--batch", type=int, default=10_000, help="rows per JSON batch file (at most 10,000)")
    p.add_argument("--out", help="directory for JSON batches; file for CSV (default: standard output)")
    p.add_argument("--list", choices=["words", "types"], help="print the description words or the types, and exit")
    args = p.parse_args()

    if args.list == "words":
        print("\n".join(words()))
        return
    if args.list == "types":
        print("\n".join(sorted(TYPES, key=lambda t: -TYPES[t][0])))
        return
    if not 1 <= args.batch <= 10_000:
        p.error("--batch must be 1..10000")
    rows = generator(args.rows, args.seed, START, args.years)
    if args.format == "json":
        if not args.out:
            p.error("--format json needs --out DIR")
        n = write_json(rows, args.out, args.batch)
        print(f"{args.rows} rows in {n} batches under {args.out}", file=sys.stderr)
    elif args.out:
        with open(args.out, "w", encoding="utf-8", newline="") as f:
            write_csv(rows, f)
    else:
        sys.stdout.reconfigure(newline="")
        write_csv(rows, sys.stdout)


if __name__ == "__main__":
    main()
