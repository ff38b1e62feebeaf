//! Scores quote extraction and attribution against PolNeAR (brat standoff annotations).
//!
//!     cargo run --release --example polnear [-- DIR|train|dev] [--verbose]
//!
//! DIR defaults to ../shared/data/polnear/dev (`train` and `dev` name the splits); the
//! tool exits 0 with a message when it is absent. For every article one annotation file
//! is used (the first by name).
//!
//! Gold spans are the Content fragments of each attribution; "speech" keeps those whose
//! cue is a speaking or writing verb or whose content holds a quote mark — the subset
//! saywho is for. The verb list and the words dropped from gold names are frozen in
//! `frozen.toml`, so a change to the engine's lexicon never changes the gold side. A
//! predicted span matches a gold span when their overlap (shared characters ÷ the longer
//! span) reaches the threshold; matching is one-to-one, best overlap first.
//!
//! Speaker accuracy, over matched pairs:
//! - **name sources** (the gold source names someone): "surname" compares last names,
//!   "full name" needs the same surname, one name holding the other's words, and a
//!   first name when the gold name has one;
//! - **pronoun sources** ("he", "she") whose antecedent the gold tells: the antecedent is
//!   the one person named by the gold sources of the same and the two paragraphs before
//!   (when several people are named there, it can't tell and the pair is left out);
//! - **attributed quotes**: span and speaker both right, over every quote whose speaker
//!   can be told (names, pronouns with a told antecedent, and descriptions — right when
//!   saywho gives no name, or a name the gold source holds).

use saywho::corpus::{Article, Rules, decode::Encoding};
use saywho::quotes::{self, QuoteKind};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::LazyLock;

#[derive(Deserialize)]
struct Frozen {
    speech_cues: HashSet<String>,
    speech_phrases: Vec<String>,
    titles: HashSet<String>,
    not_names: HashSet<String>,
}

static FROZEN: LazyLock<Frozen> = LazyLock::new(|| match toml::from_str(include_str!("frozen.toml")) {
    Ok(f) => f,
    Err(e) => panic!("examples/polnear/frozen.toml: {e}"),
});

#[derive(Debug, Clone)]
struct Gold {
    start: usize,
    end: usize,
    source: String,
    source_start: usize,
    cue: String,
    speech: bool,
}

/// A text-bound annotation: its type, character ranges and text.
type Span = (String, Vec<(usize, usize)>, String);

fn parse_ann(ann: &str) -> Vec<Gold> {
    let mut spans: HashMap<String, Span> = HashMap::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut parts = line.splitn(3, '\t');
        let (Some(id), Some(mid)) = (parts.next(), parts.next()) else {
            continue;
        };
        let text = parts.next().unwrap_or("").to_string();
        if id.starts_with('T') {
            let mut it = mid.splitn(2, ' ');
            let kind = it.next().unwrap_or("").to_string();
            let ranges = it
                .next()
                .unwrap_or("")
                .split(';')
                .filter_map(|r| {
                    let mut p = r.split(' ');
                    Some((p.next()?.parse().ok()?, p.next()?.parse().ok()?))
                })
                .collect();
            spans.insert(id.to_string(), (kind, ranges, text));
        } else if id.starts_with('E') {
            let mut roles = HashMap::new();
            for r in mid.split(' ') {
                if let Some((k, v)) = r.split_once(':') {
                    roles.insert(k.to_string(), v.to_string());
                }
            }
            events.push(roles);
        }
    }
    let mut out = Vec::new();
    for ev in events {
        let Some((_, content, ctext)) = ev.get("Content").and_then(|c| spans.get(c)) else {
            continue;
        };
        let source = ev.get("Source").and_then(|s| spans.get(s));
        let source_start = source.and_then(|s| s.1.first()).map_or(usize::MAX, |r| r.0);
        let source = source.map(|s| s.2.clone()).unwrap_or_default();
        let cue = ev
            .get("Cue")
            .and_then(|c| spans.get(c))
            .map(|c| c.2.to_lowercase())
            .unwrap_or_default();
        let speech_cue = cue.split_whitespace().any(|w| {
            FROZEN
                .speech_cues
                .contains(w.trim_matches(|c: char| !c.is_alphanumeric()))
        }) || FROZEN.speech_phrases.iter().any(|p| cue.contains(p.as_str()));
        let quoted = ctext.contains(['“', '”', '"']);
        for &(s, e) in content {
            out.push(Gold {
                start: s,
                end: e,
                source: source.clone(),
                source_start,
                cue: cue.clone(),
                speech: speech_cue || quoted,
            });
        }
    }
    out
}

struct Pred {
    start: usize,
    end: usize,
    speaker: Option<String>,
}

fn predict(text: &str, rules: &Rules) -> Vec<Pred> {
    let (article, _) = Article::parse("x".into(), "x".into(), text.to_string(), Encoding::Utf8, rules);
    // byte offsets → char offsets
    let body: &saywho::corpus::Body = article.as_ref();
    let mut map = vec![0usize; body.text.len() + 1];
    let mut c = 0;
    for (b, ch) in body.text.char_indices() {
        for k in 0..ch.len_utf8() {
            map[b + k] = c;
        }
        c += 1;
    }
    map[body.text.len()] = c;
    quotes::extract(&article)
        .into_iter()
        .filter(|q| q.kind != QuoteKind::Scare)
        .map(|q| Pred {
            start: map[q.start],
            end: map[q.end],
            speaker: q.speaker,
        })
        .collect()
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> f64 {
    let shared = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    shared as f64 / (a.1 - a.0).max(b.1 - b.0).max(1) as f64
}

fn is_pronoun(s: &str) -> bool {
    matches!(s.to_lowercase().trim(), "he" | "she" | "they" | "i" | "we" | "it")
}

/// The name in a gold source as the evaluation first defined it: every capitalised word
/// of its head that is not a title (so "Texas Sen. Ted Cruz" asks for "Texas" too, and a
/// sentence-initial "Critics" is a name). Kept to report the figure as first reported.
fn gold_name_as_first_reported(s: &str) -> Vec<String> {
    let head = s.split([',', '(']).next().unwrap_or("");
    let first = head.split_whitespace().next().unwrap_or("").to_lowercase();
    if matches!(
        first.as_str(),
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "several" | "some"
    ) {
        return vec![];
    }
    name_words(head)
}

fn name_words(s: &str) -> Vec<String> {
    let mut words: Vec<String> = s
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .map(|w| w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter(|w| {
            let l = w.to_lowercase();
            !FROZEN.titles.contains(&l) && !FROZEN.not_names.contains(&l)
        })
        .map(saywho::index::people::fold)
        .collect();
    drop_generation(&mut words);
    words
}

/// "Joseph R. Biden Jr." is "Biden", as the surface scorer reads it.
fn drop_generation(words: &mut Vec<String>) {
    if words.len() >= 3
        && words
            .last()
            .is_some_and(|w| matches!(w.as_str(), "jr" | "sr" | "ii" | "iii" | "iv"))
    {
        words.pop();
    }
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_title_word(w: &str) -> bool {
    let l = w
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
        .to_lowercase();
    // an abbreviated title: "Sens.", "Lt.", "Gov." (not an initial: "H.")
    let abbreviation = l.ends_with('.') && (3..=5).contains(&l.len()) && !l[..l.len() - 1].contains('.');
    abbreviation
        || FROZEN.titles.contains(&l)
        || FROZEN.titles.contains(l.trim_end_matches('.'))
        || FROZEN.not_names.contains(&l)
}

/// The person or organisation a gold source names, as folded name words; empty for a
/// description. The name is the last run of capitalised words that are not titles, in
/// the source's head (before a comma, a parenthesis, or "of Place"): "Texas Sen. Ted Cruz"
/// → Ted Cruz, "Kasich's chief strategist John Weaver" → John Weaver. A head ending in a
/// lowercase noun is a description ("Pentagon officials", "Mrs. Clinton's aides"), and so
/// is a single word the article capitalises only at the start of sentences ("Critics").
fn gold_name(s: &str, text: &str) -> Vec<String> {
    let head = s.split([',', '(']).next().unwrap_or("").trim();
    let words: Vec<&str> = head.split_whitespace().collect();
    let first = words.first().map(|w| w.to_lowercase()).unwrap_or_default();
    if words.is_empty()
        || matches!(
            first.as_str(),
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "several" | "some" | "both" | "many" | "most"
        )
    {
        return vec![];
    }
    // "Stacy Baker of Columbia": the name is before "of Place"
    let cut = (1..words.len())
        .find(|&k| words[k] == "of" && is_cap(words[k - 1]) && !is_title_word(words[k - 1]))
        .unwrap_or(words.len());
    let words = &words[..cut];
    let particle = |w: &str| {
        matches!(
            w,
            "de" | "van" | "von" | "der" | "bin" | "al" | "da" | "di" | "la" | "le" | "del"
        )
    };
    let Some(&last) = words.last() else { return vec![] };
    if !is_cap(last) {
        return vec![];
    }
    let mut a = words.len();
    while a > 0 && ((is_cap(words[a - 1]) && !is_title_word(words[a - 1])) || (a > 1 && particle(words[a - 1]))) {
        if a < words.len() && (words[a - 1].ends_with("'s") || words[a - 1].ends_with("’s")) {
            break;
        }
        a -= 1;
    }
    let mut run: Vec<String> = words[a..]
        .iter()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .map(|w| w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w))
        .filter(|w| !w.is_empty())
        .map(saywho::index::people::fold)
        .collect();
    drop_generation(&mut run);
    let titled = a > 0 && is_title_word(words[a - 1]);
    if run.len() == 1 && !titled && !capitalised_mid_sentence(text, words[words.len() - 1]) {
        return vec![];
    }
    run
}

/// `word` appears in `text` capitalised after a word that does not end a sentence.
fn capitalised_mid_sentence(text: &str, word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    let w = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w);
    if w.is_empty() {
        return false;
    }
    let mut from = 0;
    while let Some(i) = text[from..].find(w) {
        let at = from + i;
        let before = text[..at].trim_end_matches([' ', '"', '“', '\'']);
        let prev = before.chars().next_back();
        if prev.is_some_and(|c| c.is_alphanumeric() || c == ',') {
            return true;
        }
        from = at + w.len();
    }
    false
}

/// The fullest form the article's gold sources give a name: "Cruz" → "Ted Cruz" when a
/// gold source says "Texas Sen. Ted Cruz", unless two people share the surname.
fn fullest(name: &[String], named: &[Vec<String>]) -> Vec<String> {
    let longer: Vec<&Vec<String>> = named
        .iter()
        .filter(|n| n.len() > name.len() && n.ends_with(name))
        .collect();
    match longer.iter().map(|n| n.len()).max() {
        Some(m) => {
            let top: Vec<&&Vec<String>> = longer.iter().filter(|n| n.len() == m).collect();
            let firsts: HashSet<&String> = longer.iter().map(|n| &n[0]).collect();
            if firsts.len() == 1 {
                (*top[0]).clone()
            } else {
                name.to_vec()
            }
        }
        None => name.to_vec(),
    }
}

/// Paragraph index of each character offset (paragraphs are blank-line blocks).
fn paragraph_of(text: &str) -> Vec<usize> {
    let mut out = Vec::with_capacity(text.len());
    let mut p = 0;
    let mut prev_nl = false;
    for ch in text.chars() {
        out.push(p);
        if ch == '\n' {
            if prev_nl {
                p += 1;
            }
            prev_nl = true;
        } else if !ch.is_whitespace() {
            prev_nl = false;
        }
    }
    out.push(p);
    out
}

/// Who a gold source refers to, as name words: its own name, or for a pronoun the one
/// person the gold sources of this and the two paragraphs before name.
enum Who {
    Name(Vec<String>),
    Pronoun(Vec<String>),
    /// A description ("officials", "the campaign"): holds the source's lowercase text.
    Description(String),
    /// A pronoun whose antecedent the gold does not tell.
    Unknown,
}

fn who(g: &Gold, all: &[Gold], para: &[usize], text: &str, named: &[Vec<String>]) -> Who {
    let low = g.source.to_lowercase();
    if matches!(low.trim(), "who" | "which" | "that" | "whom" | "") {
        return Who::Unknown;
    }
    if is_pronoun(&g.source) {
        if !matches!(low.trim(), "he" | "she") || g.source_start == usize::MAX {
            return Who::Unknown;
        }
        let here = para.get(g.source_start).copied().unwrap_or(0);
        let mut people: Vec<Vec<String>> = Vec::new();
        for o in all {
            if o.source_start >= g.source_start || is_pronoun(&o.source) {
                continue;
            }
            let p = para.get(o.source_start).copied().unwrap_or(0);
            if p + 2 < here {
                continue;
            }
            let n = gold_name(&o.source, text);
            if n.is_empty() {
                continue;
            }
            match people.iter_mut().find(|x| x.last() == n.last()) {
                Some(x) if n.len() > x.len() => *x = n,
                Some(_) => {}
                None => people.push(n),
            }
        }
        return if people.len() == 1 {
            Who::Pronoun(fullest(&people.remove(0), named))
        } else {
            Who::Unknown
        };
    }
    let n = gold_name(&g.source, text);
    if n.is_empty() {
        Who::Description(low)
    } else {
        Who::Name(fullest(&n, named))
    }
}

#[derive(Default)]
struct Score {
    gold: usize,
    pred: usize,
    matched: usize,
    named: usize,
    surname_ok: usize,
    full_ok: usize,
    pronouns: usize,
    pronoun_ok: usize,
    told: usize,
    told_ok: usize,
    unknown_gold: usize,
    unknown_matched: usize,
    first_named: usize,
    first_full_ok: usize,
}

struct Doc {
    name: String,
    text: String,
    gold: Vec<Gold>,
    para: Vec<usize>,
}

fn score(doc: &Doc, gold: &[Gold], pred: &[Pred], threshold: f64, s: &mut Score, verbose: bool) {
    s.gold += gold.len();
    s.pred += pred.len();
    let named: Vec<Vec<String>> = doc
        .gold
        .iter()
        .map(|g| gold_name(&g.source, &doc.text))
        .filter(|n| !n.is_empty())
        .collect();
    let whos: Vec<Who> = gold
        .iter()
        .map(|g| who(g, &doc.gold, &doc.para, &doc.text, &named))
        .collect();
    s.unknown_gold += whos.iter().filter(|w| matches!(w, Who::Unknown)).count();
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            let o = overlap((g.start, g.end), (p.start, p.end));
            if o >= threshold {
                pairs.push((o, gi, pi));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let chars: Vec<char> = doc.text.chars().collect();
    let snippet = |a: usize, b: usize, n: usize| chars[a..b.min(a + n)].iter().collect::<String>();
    let (mut gu, mut pu) = (vec![false; gold.len()], vec![false; pred.len()]);
    for (_, gi, pi) in pairs {
        if gu[gi] || pu[pi] {
            continue;
        }
        gu[gi] = true;
        pu[pi] = true;
        s.matched += 1;
        let g = &gold[gi];
        let ours: Vec<String> = pred[pi].speaker.as_deref().map(name_words).unwrap_or_default();
        // the full name: the same surname, one name holding the other's words, and a first
        // name when the gold has one ("Helen Purcell" for "Maricopa County Recorder Helen
        // Purcell", not "Purcell")
        let full = |want: &[String]| {
            ours.last().is_some_and(|l| want.last() == Some(l))
                && (want.iter().all(|w| ours.contains(w)) || ours.iter().all(|w| want.contains(w)))
                && ours.len() >= want.len().min(2)
        };
        let first = gold_name_as_first_reported(&g.source);
        if !first.is_empty() && !is_pronoun(&g.source) {
            s.first_named += 1;
            s.first_full_ok += (ours.last().is_some_and(|l| first.last() == Some(l))
                && first.iter().all(|w| ours.contains(w))) as usize;
        }
        let ok = match &whos[gi] {
            Who::Name(n) => {
                s.named += 1;
                let surname = ours.last().is_some_and(|l| n.last() == Some(l));
                s.surname_ok += surname as usize;
                let f = full(n);
                s.full_ok += f as usize;
                Some(f)
            }
            Who::Pronoun(n) => {
                s.pronouns += 1;
                let f = full(n);
                s.pronoun_ok += f as usize;
                Some(f)
            }
            Who::Description(d) => Some(ours.is_empty() || ours.iter().all(|w| d.contains(w.as_str()))),
            Who::Unknown => {
                s.unknown_matched += 1;
                None
            }
        };
        if let Some(ok) = ok {
            s.told += 1;
            s.told_ok += ok as usize;
            if verbose && !ok {
                let want = match &whos[gi] {
                    Who::Name(n) | Who::Pronoun(n) => n.join(" "),
                    _ => "-".into(),
                };
                println!(
                    "  speaker {}: gold {:?} want {want:?} ours {:?} :: {}",
                    doc.name,
                    g.source,
                    pred[pi].speaker,
                    snippet(g.start, g.end, 70)
                );
            }
        }
    }
    if verbose {
        for (gi, g) in gold.iter().enumerate() {
            if !gu[gi] && g.speech {
                println!(
                    "  missed {} [{}] <{}>: {}",
                    doc.name,
                    g.source,
                    g.cue,
                    snippet(g.start, g.end, 90)
                );
            }
        }
        for (pi, p) in pred.iter().enumerate() {
            if !pu[pi] {
                println!(
                    "  extra  {} [{:?}]: {}",
                    doc.name,
                    p.speaker,
                    snippet(p.start, p.end, 90)
                );
            }
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    a as f64 / b.max(1) as f64
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    run(&args, verbose);
}

/// Score the split or folder the first argument that is not a flag names (dev by
/// default), printing every figure; `verbose` lists every miss.
pub fn run(args: &[String], verbose: bool) {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/polnear");
    let dir = match args.iter().find(|a| !a.starts_with("--")).map(String::as_str) {
        Some(split @ ("train" | "dev")) => shared.join(split),
        Some(d) => PathBuf::from(d),
        None => shared.join("dev"),
    };
    if !dir.join("text").is_dir() {
        println!(
            "skipping: {} is absent (PolNeAR is research data, not shipped)",
            dir.display()
        );
        return;
    }
    let mut anns: Vec<PathBuf> = std::fs::read_dir(dir.join("attributions"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    anns.sort();
    let mut seen = HashSet::new();
    let mut docs = Vec::new();
    for a in anns {
        let stem = a
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some((name, _annotator)) = stem.rsplit_once('_') else {
            continue;
        };
        if !seen.insert(name.to_string()) {
            continue;
        }
        let text_path = dir.join("text").join(format!("{name}.txt"));
        let (Ok(text), Ok(ann)) = (std::fs::read_to_string(&text_path), std::fs::read_to_string(&a)) else {
            continue;
        };
        let para = paragraph_of(&text);
        docs.push(Doc {
            name: name.to_string(),
            gold: parse_ann(&ann),
            text,
            para,
        });
    }
    println!("PolNeAR {}: {} articles", dir.display(), docs.len());
    let t0 = std::time::Instant::now();
    let rules = Rules::builtin();
    let preds: Vec<Vec<Pred>> = docs.iter().map(|d| predict(&d.text, &rules)).collect();
    let elapsed = t0.elapsed();
    for (label, speech_only) in [("speech", true), ("all attributions", false)] {
        for threshold in [0.3, 0.8] {
            let mut s = Score::default();
            for (doc, pred) in docs.iter().zip(&preds) {
                let g: Vec<Gold> = doc.gold.iter().filter(|g| !speech_only || g.speech).cloned().collect();
                let v = verbose && speech_only && threshold == 0.3;
                score(doc, &g, pred, threshold, &mut s, v);
            }
            let (p, r) = (ratio(s.matched, s.pred), ratio(s.matched, s.gold));
            println!(
                "{label:<17} overlap ≥ {threshold}: P {p:.3} R {r:.3} F1 {:.3}  (gold {}, predicted {}, matched {})",
                f1(p, r),
                s.gold,
                s.pred,
                s.matched
            );
            if threshold == 0.3 {
                println!(
                    "{:<17} speaker on {} named sources: surname {:.3}, full name {:.3}; on {} pronouns with a told antecedent: {:.3}",
                    "",
                    s.named,
                    ratio(s.surname_ok, s.named),
                    ratio(s.full_ok, s.named),
                    s.pronouns,
                    ratio(s.pronoun_ok, s.pronouns),
                );
                println!(
                    "{:<17} (as first reported: full name on {} named sources {:.3})",
                    "",
                    s.first_named,
                    ratio(s.first_full_ok, s.first_named)
                );
                let (ap, ar) = (
                    ratio(s.told_ok, s.pred - s.unknown_matched),
                    ratio(s.told_ok, s.gold - s.unknown_gold),
                );
                println!(
                    "{:<17} speaker right on {:.3} of {} matched quotes whose speaker is told; attributed quotes (span and speaker): P {ap:.3} R {ar:.3} F1 {:.3}",
                    "",
                    ratio(s.told_ok, s.told),
                    s.told,
                    f1(ap, ar)
                );
            }
        }
    }
    println!(
        "extraction time: {:.1} ms for {} articles",
        elapsed.as_secs_f64() * 1000.0,
        docs.len()
    );
}
