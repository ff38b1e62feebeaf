//! Front matter: TOML between `+++` lines or YAML between `---` lines at the very start of a
//! file. Every field is optional and unknown fields are ignored; a block that does not parse
//! is reported and the file is read as if it had none.

use super::dates;
use chrono::NaiveDate;

/// The fields saywho understands. Lists (several authors) are joined with ", ".
#[derive(Debug, Default, Clone, PartialEq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub date: Option<NaiveDate>,
    pub url: Option<String>,
    /// `tags` (or `tags` of a feed saywho synced from): a list, or words with commas.
    pub tags: Vec<String>,
}

/// Where the front matter block was found and what it held.
#[derive(Debug)]
pub struct Parsed {
    pub fields: FrontMatter,
    /// Byte offset where the body starts (after the closing fence line).
    pub body_start: usize,
    /// Set when a block was found but could not be parsed.
    pub error: Option<String>,
}

/// Look for a front matter block at the start of `text`.
pub fn parse(text: &str) -> Option<Parsed> {
    let (fence, is_toml) = if text.starts_with("+++") {
        ("+++", true)
    } else if text.starts_with("---") {
        ("---", false)
    } else {
        return None;
    };
    let first_nl = text.find('\n')?;
    if text[..first_nl].trim_end() != fence {
        return None;
    }
    let inner_start = first_nl + 1;
    // find a line that is exactly the fence
    let mut pos = inner_start;
    let (inner_end, body_start) = loop {
        let line_end = text[pos..].find('\n').map(|i| pos + i);
        let line = &text[pos..line_end.unwrap_or(text.len())];
        if line.trim_end() == fence {
            break (pos, line_end.map_or(text.len(), |e| e + 1));
        }
        pos = line_end? + 1;
    };
    let inner = &text[inner_start..inner_end];
    let result = if is_toml { parse_toml(inner) } else { parse_yaml(inner) };
    Some(match result {
        Ok(fields) => Parsed {
            fields,
            body_start,
            error: None,
        },
        Err(e) => Parsed {
            fields: FrontMatter::default(),
            body_start,
            error: Some(e),
        },
    })
}

fn parse_toml(inner: &str) -> Result<FrontMatter, String> {
    let table: toml::Table = inner
        .parse()
        .map_err(|e: toml::de::Error| format!("TOML front matter: {}", e.message()))?;
    let get = |k: &str| table.get(k).and_then(toml_to_string);
    Ok(fields(get))
}

/// The fields saywho reads, by name, whatever the format.
fn fields(get: impl Fn(&str) -> Option<String>) -> FrontMatter {
    FrontMatter {
        title: get("title"),
        source: get("source").or_else(|| get("publisher")),
        author: get("author").or_else(|| get("authors")),
        date: get("date").as_deref().and_then(dates::parse_date),
        url: get("url").or_else(|| get("link")),
        tags: get("tags")
            .or_else(|| get("categories"))
            .map(|t| split_tags(&t))
            .unwrap_or_default(),
    }
}

/// "News, Canada" as its tags.
pub fn split_tags(t: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in t.split(',').map(str::trim).filter(|w| !w.is_empty()) {
        if !out.iter().any(|x| x == w) {
            out.push(w.to_string());
        }
    }
    out
}

fn toml_to_string(v: &toml::Value) -> Option<String> {
    let s = match v {
        toml::Value::String(s) => s.clone(),
        toml::Value::Datetime(d) => d.to_string(),
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Array(a) => {
            let parts: Vec<String> = a.iter().filter_map(toml_to_string).collect();
            parts.join(", ")
        }
        _ => return None,
    };
    non_empty(s)
}

fn parse_yaml(inner: &str) -> Result<FrontMatter, String> {
    if inner.trim().is_empty() {
        return Ok(FrontMatter::default());
    }
    let value: serde_yaml_ng::Value = serde_yaml_ng::from_str(inner).map_err(|e| format!("YAML front matter: {e}"))?;
    let map = value
        .as_mapping()
        .ok_or_else(|| "YAML front matter: expected key: value pairs".to_string())?;
    let get = |k: &str| map.get(k).and_then(yaml_to_string);
    Ok(fields(get))
}

fn yaml_to_string(v: &serde_yaml_ng::Value) -> Option<String> {
    use serde_yaml_ng::Value;
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Sequence(a) => {
            let parts: Vec<String> = a.iter().filter_map(yaml_to_string).collect();
            parts.join(", ")
        }
        _ => return None,
    };
    non_empty(s)
}

fn non_empty(s: String) -> Option<String> {
    let t = super::sanitize::sanitize(s.trim()).trim().to_string();
    (!t.is_empty()).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_block() {
        let t = "+++\ntitle = \"T\"\nauthor = [\"A\", \"B\"]\ndate = 2017-02-14\n+++\nBody";
        let p = parse(t).unwrap();
        assert_eq!(p.fields.title.as_deref(), Some("T"));
        assert_eq!(p.fields.author.as_deref(), Some("A, B"));
        assert_eq!(p.fields.date, NaiveDate::from_ymd_opt(2017, 2, 14));
        assert_eq!(&t[p.body_start..], "Body");
    }

    #[test]
    fn yaml_block_crlf() {
        let t = "---\r\ntitle: Hello\r\nsource: CNN\r\ndate: February 14, 2017\r\n---\r\nBody";
        let p = parse(t).unwrap();
        assert_eq!(p.fields.source.as_deref(), Some("CNN"));
        assert_eq!(p.fields.date, NaiveDate::from_ymd_opt(2017, 2, 14));
        assert_eq!(&t[p.body_start..], "Body");
    }

    #[test]
    fn broken_block_is_reported() {
        let p = parse("+++\ntitle = \n+++\nBody").unwrap();
        assert!(p.error.is_some());
        assert_eq!(p.fields, FrontMatter::default());
    }

    #[test]
    fn unclosed_or_absent() {
        assert!(parse("+++\ntitle = \"x\"\nno end").is_none());
        assert!(parse("--- a rule, not front matter\ntext").is_none());
        assert!(parse("Plain text").is_none());
    }
}
