//! Markup read before the DOM is built: `<noscript>` copies of the article unwrapped, and
//! nesting deeper than the parser takes flattened.

/// How deep elements may nest before the deeper ones are dropped (their text kept). Real
/// pages stay well under it; a page nesting thousands of `div`s made the parser and the
/// reader-mode scoring quadratic.
pub const MAX_DEPTH: usize = 256;

/// Elements that never have content or a closing tag.
pub(super) const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose content is text, not markup, up to their closing tag.
pub(super) const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript", "template"];

/// One tag of a page: where it is, its name as written, and whether it closes.
pub(super) struct Tag<'a> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) name: &'a str,
    pub(super) closing: bool,
    pub(super) self_closing: bool,
}

pub(super) fn is_one_of(name: &str, list: &[&str]) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(name))
}

/// The tags of `html` in order, past comments, doctype and raw-text content, in one pass
/// and without allocating.
pub(super) fn tags(html: &str) -> impl Iterator<Item = Tag<'_>> {
    let b = html.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while let Some(off) = memchr::memchr(b'<', &b[i..]) {
            let s = i + off;
            if html[s..].starts_with("<!--") {
                i = html[s + 4..].find("-->").map_or(b.len(), |e| s + 4 + e + 3);
                continue;
            }
            let closing = b.get(s + 1) == Some(&b'/');
            let n0 = s + 1 + usize::from(closing);
            let n1 = n0 + b[n0..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
            if n1 == n0 {
                // "<!doctype", "<?xml", a lone "<" in text
                i = s + 1;
                continue;
            }
            let gt = memchr::memchr(b'>', &b[n1..])?;
            let end = n1 + gt + 1;
            let name = &html[n0..n1];
            i = end;
            if !closing && is_one_of(name, RAW_TEXT) {
                // the content runs to the closing tag, in any case
                i = memchr::memmem::find_iter(&b[end..], b"</")
                    .map(|e| end + e)
                    .find(|&c| {
                        b.get(c + 2..c + 2 + name.len())
                            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
                    })
                    .unwrap_or(b.len());
            }
            return Some(Tag {
                start: s,
                end,
                name,
                closing,
                self_closing: b[end - 2] == b'/',
            });
        }
        None
    })
}

/// Text a `<noscript>` must hold in paragraphs for it to be the page's content.
pub(super) const NOSCRIPT_TEXT: usize = 200;

/// The page with each `<noscript>` that holds paragraphs of text turned into a `<div>`: some
/// sites (Blogger among them) put the article there and draw it with a script, and a
/// parser that runs scripts reads a `noscript`'s content as raw text. Tracking pixels,
/// styles and "enable JavaScript" lines stay as they were. (The page's tags are read as
/// [`flatten_deep`] reads them, so a "<noscript>" inside a script or a comment is text.)
pub(super) fn unwrap_noscript(html: &str) -> std::borrow::Cow<'_, str> {
    let mut out = String::new();
    let mut from = 0;
    // where the open `<noscript …>` starts and ends
    let mut open: Option<(usize, usize)> = None;
    for t in tags(html).filter(|t| t.name.eq_ignore_ascii_case("noscript")) {
        match (t.closing, open.take()) {
            (false, _) => open = Some((t.start, t.end)),
            (true, Some((start, gt))) => {
                let inner = &html[gt..t.start];
                if paragraph_text(&inner.to_ascii_lowercase()) >= NOSCRIPT_TEXT {
                    out.push_str(&html[from..start]);
                    out.push_str("<div>");
                    out.push_str(inner);
                    out.push_str("</div>");
                    from = t.end;
                }
            }
            (true, None) => {}
        }
    }
    if from == 0 {
        return std::borrow::Cow::Borrowed(html);
    }
    out.push_str(&html[from..]);
    std::borrow::Cow::Owned(out)
}

/// How much text follows the `<p…>` tags of lower-cased markup, up to each one's next tag.
pub(super) fn paragraph_text(markup: &str) -> usize {
    markup
        .split("<p")
        .skip(1)
        .map(|p| {
            p.split('<')
                .next()
                .map_or(0, |t| t.split('>').nth(1).unwrap_or("").trim().len())
        })
        .sum()
}

/// The page with elements nested deeper than [`MAX_DEPTH`] unwrapped: their tags dropped,
/// their content kept in place. A page nesting less is returned as it is.
pub fn flatten_deep(html: &str) -> std::borrow::Cow<'_, str> {
    // a quick bound: a page with fewer tags than the limit cannot nest past it
    if memchr::memchr_iter(b'<', html.as_bytes()).count() <= MAX_DEPTH {
        return std::borrow::Cow::Borrowed(html);
    }
    // the open elements, each with whether its tags are dropped; the dropped tags' ranges
    let mut stack: Vec<(&str, bool)> = Vec::new();
    let mut dropped: Vec<(usize, usize)> = Vec::new();
    for t in tags(html) {
        if t.self_closing || is_one_of(t.name, VOID) {
            continue;
        }
        if !t.closing {
            let deep = stack.len() >= MAX_DEPTH;
            if deep {
                dropped.push((t.start, t.end));
            }
            stack.push((t.name, deep));
        } else if let Some(at) = stack.iter().rposition(|(n, _)| n.eq_ignore_ascii_case(t.name)) {
            // a closing tag closes its element and any left open inside it
            if stack[at].1 {
                dropped.push((t.start, t.end));
            }
            stack.truncate(at);
        }
    }
    if dropped.is_empty() {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for (s, e) in dropped {
        out.push_str(&html[from..s]);
        from = e;
    }
    out.push_str(&html[from..]);
    std::borrow::Cow::Owned(out)
}
