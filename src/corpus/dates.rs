//! Dates as news text writes them: `2017-02-14`, `14 February 2017`, `February 14, 2017`,
//! `Feb. 14, 2017`, `Tuesday 14 February 2017 05:57 EST`. Validated by chrono.

use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

const MONTHS: &str = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

static ISO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})(?:\b|T)").expect("static regex"));
static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)? ({MONTHS})\.?,? (\d{{4}})\b"
    ))
    .expect("static regex")
});
static MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b({MONTHS})\.? (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b"
    ))
    .expect("static regex")
});

fn month_number(name: &str) -> Option<u32> {
    let n = name.to_ascii_lowercase();
    let idx = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|m| n.starts_with(m))?;
    Some(idx as u32 + 1)
}

/// The first date found anywhere in `s`, with the byte range it covers.
pub fn find_date(s: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    let mut best: Option<(NaiveDate, std::ops::Range<usize>)> = None;
    let mut consider = |d: Option<NaiveDate>, r: std::ops::Range<usize>| {
        if let Some(d) = d
            && best.as_ref().is_none_or(|(_, b)| r.start < b.start)
        {
            best = Some((d, r));
        }
    };
    if let Some(c) = ISO.captures(s) {
        let d = NaiveDate::from_ymd_opt(
            c[1].parse().unwrap_or(0),
            c[2].parse().unwrap_or(0),
            c[3].parse().unwrap_or(0),
        );
        consider(d, c.get(0).map_or(0..0, |m| m.range()));
    }
    if let Some(c) = DMY.captures(s) {
        let d = month_number(&c[2])
            .and_then(|m| NaiveDate::from_ymd_opt(c[3].parse().unwrap_or(0), m, c[1].parse().unwrap_or(0)));
        consider(d, c.get(0).map_or(0..0, |m| m.range()));
    }
    if let Some(c) = MDY.captures(s) {
        let d = month_number(&c[1])
            .and_then(|m| NaiveDate::from_ymd_opt(c[3].parse().unwrap_or(0), m, c[2].parse().unwrap_or(0)));
        consider(d, c.get(0).map_or(0..0, |m| m.range()));
    }
    best
}

/// Parse a whole field value as a date (front matter, CLI input).
/// The date in a web address's path: `/2020/05/04/`, `/2020-05-04-`, `/20200504/`.
pub fn date_in_url(url: &str) -> Option<NaiveDate> {
    static IN_URL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[/_-]((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)")
            .expect("static regex")
    });
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.find('/').map_or("", |i| &path[i..]);
    IN_URL
        .captures_iter(path)
        .find_map(|c| NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?))
}

pub fn parse_date(s: &str) -> Option<NaiveDate> {
    find_date(s).map(|(d, _)| d)
}

/// True when `line` is a date line: a date, perhaps a weekday, time and zone, little else.
pub fn is_date_line(line: &str) -> Option<NaiveDate> {
    let line = line.trim();
    if line.len() > 60 {
        return None;
    }
    let (d, r) = find_date(line)?;
    let rest = format!("{} {}", &line[..r.start], &line[r.end..]);
    let extra_words = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .filter(|w| {
            let l = w.to_ascii_lowercase();
            !(l.chars().all(|c| c.is_ascii_digit())
                || [
                    "monday",
                    "tuesday",
                    "wednesday",
                    "thursday",
                    "friday",
                    "saturday",
                    "sunday",
                    "mon",
                    "tue",
                    "wed",
                    "thu",
                    "fri",
                    "sat",
                    "sun",
                    "am",
                    "pm",
                    "updated",
                    "published",
                    "posted",
                    "on",
                    "at",
                ]
                .contains(&l.as_str())
                || (l.len() <= 4 && w.chars().all(|c| c.is_ascii_uppercase()))) // EST, GMT, UTC
        })
        .count();
    (extra_words == 0).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn dates_in_addresses() {
        assert_eq!(date_in_url("https://a.example/2019/10/21/interning/"), d(2019, 10, 21));
        assert_eq!(date_in_url("https://a.example/news/2020-02-18-masks"), d(2020, 2, 18));
        assert_eq!(
            date_in_url("https://a.example/articles/35030/20160214/cvs"),
            d(2016, 2, 14)
        );
        // a month alone, an id, or a date in the host is no date
        assert_eq!(date_in_url("https://a.example/2019/10/emacs.html"), None);
        assert_eq!(date_in_url("https://a.example/article-8772683/chef.html"), None);
        assert_eq!(date_in_url("https://2020-01-02.example/"), None);
        assert_eq!(date_in_url("https://a.example/2020/13/45/x"), None);
    }

    #[test]
    fn formats() {
        assert_eq!(parse_date("2017-02-14"), d(2017, 2, 14));
        assert_eq!(parse_date("2017-02-14T05:57:00Z"), d(2017, 2, 14));
        assert_eq!(parse_date("14 February 2017"), d(2017, 2, 14));
        assert_eq!(parse_date("Feb. 14, 2017"), d(2017, 2, 14));
        assert_eq!(parse_date("September 3rd 2016"), d(2016, 9, 3));
        assert_eq!(parse_date("2017-02-30"), None);
        assert_eq!(parse_date("no date"), None);
    }

    #[test]
    fn date_lines() {
        assert_eq!(is_date_line("Tuesday 14 February 2017 05:57 EST"), d(2017, 2, 14));
        assert_eq!(
            is_date_line("Updated 1:15 PM ET, Tue February 14, 2017"),
            d(2017, 2, 14)
        );
        assert_eq!(is_date_line("He said on 14 February 2017 that it rained"), None);
    }
}
