//! Scores quote extraction and attribution against PolNeAR (brat standoff annotations).
//!
//!     cargo run --release --example polnear [-- DIR [--verbose]]
//!
//! DIR defaults to ../shared/data/polnear/dev; the tool exits 0 with a message when it is
//! absent. For every article one annotation file is used (the first by name).
//!
//! Gold spans are the Content fragments of each attribution; "speech" keeps those whose
//! cue is a speaking or writing verb (the lexicon's cues) or whose content holds a quote
//! mark — the subset saywho is for. A predicted span matches a gold span when their
//! overlap (shared characters ÷ the longer span) reaches the threshold; matching is
//! one-to-one, best overlap first. Speaker accuracy is over matched pairs whose gold
//! source is a name: "surname" compares last names, "full name" also needs every name word
//! of the gold source to be in saywho's speaker.

use saywho::corpus::{Article, Rules, decode::Encoding};
use saywho::quotes::{
    self, QuoteKind,
    lexicon::{LEX, flag},
};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
struct Gold {
    start: usize,
    end: usize,
    source: String,
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
        let source = ev
            .get("Source")
            .and_then(|s| spans.get(s))
            .map(|s| s.2.clone())
            .unwrap_or_default();
        let cue = ev
            .get("Cue")
            .and_then(|c| spans.get(c))
            .map(|c| c.2.to_lowercase())
            .unwrap_or_default();
        let cue_words: Vec<&str> = cue.split_whitespace().collect();
        let speech_cue = cue_words
            .iter()
            .any(|w| LEX.is_cue(w.trim_matches(|c: char| !c.is_alphanumeric())))
            || LEX.phrases.iter().any(|p| cue.contains(&p.join(" ")));
        let quoted = ctext.contains(['“', '”', '"']);
        for &(s, e) in content {
            out.push(Gold {
                start: s,
                end: e,
                source: source.clone(),
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
    let mut map = vec![0usize; article.text.len() + 1];
    let mut c = 0;
    for (b, ch) in article.text.char_indices() {
        for k in 0..ch.len_utf8() {
            map[b + k] = c;
        }
        c += 1;
    }
    map[article.text.len()] = c;
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

/// The name in a gold source: the first run of capitalised words, titles dropped, before
/// an appositive (a comma or parenthesis); nothing when the source is a description
/// ("the New York businessman").
fn gold_name(s: &str) -> Vec<String> {
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
    s.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .map(|w| w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter(|w| !LEX.is(&w.to_lowercase(), flag::TITLE | flag::NOT_NAME))
        .map(saywho::index::people::fold)
        .collect()
}

#[derive(Default)]
struct Score {
    gold: usize,
    pred: usize,
    matched_gold: usize,
    matched_pred: usize,
    named: usize,
    surname_ok: usize,
    full_ok: usize,
}

fn score(gold: &[Gold], pred: &[Pred], threshold: f64, s: &mut Score, verbose: bool, name: &str, text: &str) {
    s.gold += gold.len();
    s.pred += pred.len();
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
    let (mut gu, mut pu) = (vec![false; gold.len()], vec![false; pred.len()]);
    for (_, gi, pi) in pairs {
        if gu[gi] || pu[pi] {
            continue;
        }
        gu[gi] = true;
        pu[pi] = true;
        s.matched_gold += 1;
        s.matched_pred += 1;
        let g = &gold[gi];
        let gw = gold_name(&g.source);
        let is_pronoun = matches!(
            g.source.to_lowercase().trim(),
            "he" | "she" | "they" | "i" | "we" | "it"
        );
        if gw.is_empty() || is_pronoun {
            continue;
        }
        s.named += 1;
        let ours: Vec<String> = pred[pi].speaker.as_deref().map(name_words).unwrap_or_default();
        let surname = ours.last().is_some_and(|l| gw.last() == Some(l));
        let full = surname && gw.iter().all(|w| ours.contains(w));
        s.surname_ok += surname as usize;
        s.full_ok += full as usize;
        if verbose && !surname {
            let chars: Vec<char> = text.chars().collect();
            let snippet: String = chars[g.start..g.end.min(g.start + 70)].iter().collect();
            println!(
                "  speaker {name}: gold {:?} ours {:?} :: {snippet}",
                g.source, pred[pi].speaker
            );
        }
    }
    if verbose {
        let chars: Vec<char> = text.chars().collect();
        for (gi, g) in gold.iter().enumerate() {
            if !gu[gi] && g.speech {
                let snippet: String = chars[g.start..g.end.min(g.start + 90)].iter().collect();
                println!("  missed {name} [{}] <{}>: {snippet}", g.source, g.cue);
            }
        }
        for (pi, p) in pred.iter().enumerate() {
            if !pu[pi] {
                let snippet: String = chars[p.start..p.end.min(p.start + 90)].iter().collect();
                println!("  extra  {name} [{:?}]: {snippet}", p.speaker);
            }
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/polnear/dev"));
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
    let mut seen = std::collections::HashSet::new();
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
        docs.push((name.to_string(), text, parse_ann(&ann)));
    }
    println!("PolNeAR {}: {} articles", dir.display(), docs.len());
    let t0 = std::time::Instant::now();
    let rules = Rules::builtin();
    let preds: Vec<Vec<Pred>> = docs.iter().map(|(_, t, _)| predict(t, &rules)).collect();
    let elapsed = t0.elapsed();
    for (label, speech_only) in [("speech", true), ("all attributions", false)] {
        for threshold in [0.3, 0.8] {
            let mut s = Score::default();
            for ((name, text, gold), pred) in docs.iter().zip(&preds) {
                let g: Vec<Gold> = gold.iter().filter(|g| !speech_only || g.speech).cloned().collect();
                let v = verbose && speech_only && threshold == 0.3;
                score(&g, pred, threshold, &mut s, v, name, text);
            }
            let p = s.matched_pred as f64 / s.pred.max(1) as f64;
            let r = s.matched_gold as f64 / s.gold.max(1) as f64;
            let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
            println!(
                "{label:<17} overlap ≥ {threshold}: P {p:.3} R {r:.3} F1 {f:.3}  (gold {}, predicted {}, matched {})",
                s.gold, s.pred, s.matched_gold
            );
            if threshold == 0.3 {
                println!(
                    "{:<17} speaker accuracy on {} matched named sources: surname {:.3}, full name {:.3}",
                    "",
                    s.named,
                    s.surname_ok as f64 / s.named.max(1) as f64,
                    s.full_ok as f64 / s.named.max(1) as f64
                );
            }
        }
    }
    println!(
        "extraction time: {:.1} ms for {} articles",
        elapsed.as_secs_f64() * 1000.0,
        docs.len()
    );
    let _ = Path::new("");
}
