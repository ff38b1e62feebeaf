//! What a page says about itself: its byline (meta tags, JSON-LD, the visible byline),
//! its headline without the site's name, its date of publication.

use super::*;

/// Elements a page marks as its byline.
pub(super) const BYLINE_SEL: &str = "[rel=\"author\"], [itemprop=\"author\"], [data-testid*=\"byline\" i], [class*=\"byline\" i], [class*=\"author\" i]";

/// How many of the page's byline elements are looked at for a date.
pub(super) const BYLINE_CANDIDATES: usize = 10;

/// The longest byline line a date is looked for in ("By Sam Reyes | March 3, 2024").
pub(super) const BYLINE_LINE: usize = 200;

/// The date in the byline's line: the byline element's text, or its parent's.
pub(super) fn byline_date(doc: &Document) -> Option<NaiveDate> {
    // (the first few: a byline is near the top, and a comment section can hold thousands of
    // "author" elements, each with its section as parent)
    doc.select(BYLINE_SEL)
        .nodes()
        .iter()
        .take(BYLINE_CANDIDATES)
        .find_map(|el| {
            std::iter::once(*el).chain(el.parent()).find_map(|e| {
                let t = clean(&e.text());
                (t.len() <= BYLINE_LINE).then(|| dates::parse_date(&t)).flatten()
            })
        })
}

/// The byline a reader sees: the first short piece of text in an element marked as one
/// (`rel=author`, `itemprop=author`, a class or test id with "byline" or "author").
pub(super) fn visible_byline(doc: &Document) -> Option<String> {
    doc.select(BYLINE_SEL).nodes().iter().find_map(|el| {
        // the first piece of text: "By Tom Ellery" before "Education correspondent"
        let first = el
            .descendants()
            .into_iter()
            .filter(|d| d.is_text())
            .map(|d| clean(&d.text()))
            .filter(|s| !s.is_empty())
            .fold(String::new(), |acc, s| {
                if acc.is_empty() || acc.eq_ignore_ascii_case("by") {
                    format!("{acc} {s}").trim().to_string()
                } else {
                    acc
                }
            });
        let name = strip_by(&first);
        let words = name.split_whitespace().count();
        let looks_like_name = (2..=6).contains(&words)
            && name.split_whitespace().all(|w| {
                w.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                    || BYLINES.name_particles.iter().any(|p| p == w)
            });
        looks_like_name.then_some(name)
    })
}

/// "By Samuel Osborne" → "Samuel Osborne".
pub(super) fn strip_by(s: &str) -> String {
    let t = clean(s);
    let lower = t.to_ascii_lowercase();
    if lower.starts_with("by ") {
        t[3..].trim().to_string()
    } else {
        t
    }
}

/// What stands between a title's parts: "Headline | Site", "Section - Headline".
pub(super) const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » "];

/// The headline in a page's title: the page's `h1` when the title is it with a section or
/// site around it ("Update | Crash victims identified"), else the title less its site suffix.
pub(super) fn headline_of(title: &str, h1: Option<&str>, site: Option<&str>) -> String {
    // (the separators without their spaces: the rest of the title has been trimmed)
    let seps = || TITLE_SEPARATORS.iter().map(|s| s.trim());
    let around = |rest: &str, at_start: bool| {
        let r = rest.trim();
        r.is_empty() || seps().any(|s| if at_start { r.ends_with(s) } else { r.starts_with(s) })
    };
    if let Some(h) = h1
        && h.len() < title.len()
        && h.split_whitespace().count() >= 3
        && site.is_none_or(|s| !s.eq_ignore_ascii_case(h))
        && let Some(at) = title.find(h)
        && around(&title[..at], true)
        && around(&title[at + h.len()..], false)
    {
        return h.to_string();
    }
    // "Site name: Post title", as blogs write it
    if let Some(site) = site
        && let Some(head) = title.get(..site.len())
        && head.eq_ignore_ascii_case(site)
    {
        let rest = title[site.len()..].trim_start();
        if let Some(sep) = seps().chain([":"]).find(|s| rest.starts_with(s)) {
            let t = rest[sep.len()..].trim();
            if !t.is_empty() {
                return strip_site_suffix(t, Some(site));
            }
        }
    }
    // a separator left dangling ("National Rail Enquiries -")
    strip_site_suffix(title, site)
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '-' | '–' | '—' | '·'))
        .to_string()
}

/// What a byline field holds that names nobody (`assets/bylines.toml`).
#[derive(Debug, serde::Deserialize)]
pub(super) struct BylineWords {
    pub(super) lead_ins: Vec<String>,
    pub(super) not_names: Vec<String>,
    pub(super) not_starts: Vec<String>,
    pub(super) name_particles: Vec<String>,
}

pub(super) static BYLINES: std::sync::LazyLock<BylineWords> = std::sync::LazyLock::new(|| {
    // the shipped file is tested; failing here is a build defect, not an input problem
    toml::from_str(include_str!("../../../assets/bylines.toml")).expect("assets/bylines.toml")
});

/// A byline as a reader would write it ("Posted on May 3, 2020 by Ann Lee" → "Ann Lee"), or
/// None when it names nobody: a placeholder ("Name *", "Staff"), the site, the title, a
/// date, an address.
pub(super) fn byline(raw: &str, site: Option<&str>, title: Option<&str>) -> Option<String> {
    let w = &*BYLINES;
    let mut s = clean(raw);
    // ASCII lower-casing keeps byte offsets, so a match in `lower` slices `s`
    let lower = s.to_ascii_lowercase();
    static BY: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"(?:^|\s)by\s*:?\s").expect("static regex"));
    if let Some(m) = BY.find_iter(&lower).last() {
        let before = lower[..m.start()].trim();
        let last = before.split_whitespace().last().unwrap_or("");
        if before.is_empty() || w.lead_ins.iter().any(|l| l == last) || dates::find_date(before).is_some() {
            s = s[m.end()..].to_string();
        }
    }
    // "Kiran Nair - Chrome Safe Browsing team", "Ann Lee | Reuters": the name is before
    if let Some(at) = [" - ", " | ", " – ", " — ", " • "]
        .iter()
        .filter_map(|d| s.find(d))
        .min()
    {
        s.truncate(at);
    }
    let s = s
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | ';' | '|' | '-' | '–' | '—' | '•'))
        .to_string();
    let lower = s.to_lowercase();
    let key: String = lower
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let refused = key.is_empty()
        || w.not_names.contains(&key)
        || w.not_starts.iter().any(|n| lower.starts_with(n.as_str()))
        || site.is_some_and(|x| x.to_lowercase() == lower)
        || title.is_some_and(|x| x.eq_ignore_ascii_case(&s))
        || s.contains('@')
        || lower.contains("http")
        || lower.contains("www.")
        || (!s.contains(' ') && s.contains('.') && !s.ends_with('.'))
        || s.chars().any(|c| c.is_ascii_digit());
    (!refused).then_some(s)
}

/// "Russia responds to Flynn | The Independent" → "Russia responds to Flynn": a part after
/// a separator goes when it names the site, or is short while the rest is long.
pub(super) fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let mut t = title.trim().to_string();
    while let Some((at, sep)) = TITLE_SEPARATORS
        .iter()
        .filter_map(|s| t.rfind(s).map(|i| (i, *s)))
        .max_by_key(|x| x.0)
    {
        let (head, tail) = (&t[..at], &t[at + sep.len()..]);
        let names_site = site.is_some_and(|s| {
            let (s, tl) = (s.to_lowercase(), tail.to_lowercase());
            tl == s || tl.contains(&s) || s.contains(&tl)
        });
        let short_tail = tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 4;
        if tail.is_empty() || !(names_site || short_tail) {
            break;
        }
        t = head.trim().to_string();
    }
    t
}

/// The page's JSON-LD object that describes the article (or the first object at all).
pub(super) fn json_ld(doc: &Document) -> Option<Value> {
    let mut objects = Vec::new();
    for s in doc.select("script[type=\"application/ld+json\" i]").iter() {
        let Ok(v) = serde_json::from_str::<Value>(s.text().trim()) else {
            continue;
        };
        collect_objects(v, &mut objects);
    }
    let is_article = |v: &Value| {
        let types: Vec<String> = match v.get("@type") {
            Some(Value::String(s)) => vec![s.clone()],
            Some(Value::Array(a)) => a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect(),
            _ => vec![],
        };
        types
            .iter()
            .any(|t| t.ends_with("Article") || t == "BlogPosting" || t == "Report")
    };
    let i = objects
        .iter()
        .position(is_article)
        .or((!objects.is_empty()).then_some(0))?;
    Some(objects.swap_remove(i))
}

pub(super) fn collect_objects(v: Value, out: &mut Vec<Value>) {
    match v {
        Value::Array(a) => a.into_iter().for_each(|x| collect_objects(x, out)),
        Value::Object(mut o) => {
            if let Some(g) = o.remove("@graph") {
                collect_objects(g, out);
            }
            out.push(Value::Object(o));
        }
        _ => {}
    }
}

pub(super) fn str_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(clean(s)).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(str_of),
        _ => None,
    }
}

/// `"publisher": {"name": …}` or a plain string.
pub(super) fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::Object(o) => o.get("name").and_then(str_of),
        Value::Array(a) => a.iter().find_map(name_of),
        other => str_of(other),
    }
}

/// A person's name: as [`name_of`], but an organisation (`"@type": "Organization"`) is none.
pub(super) fn person_name_of(v: &Value) -> Option<String> {
    match v {
        Value::Object(o)
            if o.get("@type")
                .and_then(Value::as_str)
                .is_some_and(|t| t.contains("Organization")) =>
        {
            None
        }
        Value::Object(o) => o.get("name").and_then(str_of),
        Value::Array(a) => a.iter().find_map(name_of),
        other => str_of(other),
    }
}

/// Every author's name, joined: `[{"name": "A"}, {"name": "B"}]` → "A and B".
pub(super) fn names_of(v: &Value) -> Option<String> {
    let names: Vec<String> = match v {
        Value::Array(a) => a.iter().filter_map(person_name_of).collect(),
        other => person_name_of(other).into_iter().collect(),
    };
    let names: Vec<String> = names.into_iter().filter(|n| !n.starts_with("http")).collect();
    match names.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        [init @ .., last] => Some(format!("{} and {last}", init.join(", "))),
    }
}

/// The first non-empty `content` of the meta tags named `keys` (by property, name or
/// itemprop), in the order of `keys`.
pub(super) fn meta_of(doc: &Document, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| {
        let sel = format!("meta[property=\"{k}\" i], meta[name=\"{k}\" i], meta[itemprop=\"{k}\" i]");
        doc.select(&sel)
            .iter()
            .filter_map(|m| m.attr("content"))
            .map(|c| clean(&c))
            .find(|c| !c.is_empty())
    })
}

/// The page's date of publication: its meta tags, JSON-LD, microdata, a `<time>` that is
/// not the last update's, its URL, or a date beside its byline.
pub(super) fn date_of(doc: &Document, ld: Option<&Value>, url: Option<&str>) -> Option<NaiveDate> {
    let meta = |keys: &[&str]| meta_of(doc, keys);
    meta(&[
        "article:published_time",
        "og:article:published_time",
        "datePublished",
        "parsely-pub-date",
        "pubdate",
        "publishdate",
        "date",
        "dc.date",
        "dc.date.issued",
        "sailthru.date",
    ])
    .and_then(|d| dates::parse_date(&d))
    .or_else(|| {
        ld.and_then(|v| str_of(v.get("datePublished")?))
            .and_then(|d| dates::parse_date(&d))
    })
    .or_else(|| {
        // microdata: `<meta itemprop=datePublished content=…>` or `<time itemprop=… datetime=…>`
        doc.select("[itemprop=\"datePublished\" i]")
            .iter()
            .find_map(|e| dates::parse_date(&e.attr("content").or_else(|| e.attr("datetime"))?))
    })
    .or_else(|| {
        // a `<time>` that is not the last update's
        doc.select("time[datetime]").iter().find_map(|t| {
            let marks = format!(
                "{} {}",
                t.attr("class").unwrap_or_default(),
                t.attr("itemprop").unwrap_or_default()
            )
            .to_ascii_lowercase();
            if ["modified", "updated", "update"].iter().any(|m| marks.contains(m)) {
                return None;
            }
            dates::parse_date(&t.attr("datetime")?)
        })
    })
    .or_else(|| url.and_then(dates::date_in_url))
    .or_else(|| byline_date(doc))
}
