//! Synthetic articles for benchmarks and tests: deterministic (a seeded xorshift), with
//! titles, sources, dates, quotes and speakers shaped like news, at any count or size.

const WORDS: &[&str] = &[
    "government",
    "minister",
    "economy",
    "market",
    "election",
    "talks",
    "police",
    "council",
    "report",
    "growth",
    "budget",
    "crisis",
    "energy",
    "health",
    "court",
    "trade",
    "strike",
    "union",
    "league",
    "season",
    "record",
    "profit",
    "shares",
    "climate",
    "security",
    "border",
    "vote",
    "party",
    "leader",
    "plan",
    "deal",
    "sanctions",
    "summit",
    "reform",
    "tax",
    "school",
    "hospital",
    "film",
    "music",
    "award",
    "festival",
    "match",
    "coach",
    "players",
    "fans",
    "network",
    "software",
    "phone",
    "games",
    "prices",
];
const VERBS: &[&str] = &[
    "backs", "rejects", "warns on", "plans", "cuts", "boosts", "faces", "wins", "loses", "delays", "unveils",
];
const SOURCES: &[&str] = &[
    "BBC",
    "CNN",
    "The Independent",
    "Reuters",
    "The Guardian",
    "Russia Direct",
    "AP",
    "Politico",
];
const FIRST: &[&str] = &[
    "Anna", "Boris", "Carla", "David", "Elena", "Farid", "Grace", "Hugo", "Irina", "James", "Kofi", "Lena",
];
const LAST: &[&str] = &[
    "Smith", "Ivanova", "Okafor", "Müller", "Tanaka", "García", "Kosachev", "Peskov", "Brown", "Lee", "Novak",
];

/// A small deterministic random source.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[(self.next_u64() % v.len() as u64) as usize]
    }
}

fn sentence(r: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(r.pick(WORDS));
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect::<String>() + ".",
        None => s,
    }
}

/// One article's text with front matter: about `paragraphs` paragraphs, a third of them
/// holding a quote attributed to a named person.
pub fn article(r: &mut Rng, paragraphs: usize) -> String {
    let title = format!("{} {} {}", capital(r.pick(WORDS)), r.pick(VERBS), r.pick(WORDS));
    let date = format!(
        "20{:02}-{:02}-{:02}",
        4 + r.next_u64() % 20,
        1 + r.next_u64() % 12,
        1 + r.next_u64() % 28
    );
    let mut t = format!(
        "+++\ntitle = \"{title}\"\nsource = \"{}\"\ndate = \"{date}\"\n+++\n\n",
        r.pick(SOURCES)
    );
    for p in 0..paragraphs {
        if p % 3 == 1 {
            let who = format!("{} {}", r.pick(FIRST), r.pick(LAST));
            t.push_str(&format!("“{}” {who} said. {}\n\n", sentence(r, 12), sentence(r, 10)));
        } else {
            t.push_str(&format!("{} {}\n\n", sentence(r, 14), sentence(r, 9)));
        }
    }
    t
}

fn capital(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A text of about `bytes` bytes: one long article.
pub fn long_article(seed: u64, bytes: usize) -> String {
    let mut r = Rng::new(seed);
    let mut t = article(&mut r, 3);
    while t.len() < bytes {
        t.push_str(article(&mut r, 30).split("+++\n\n").nth(1).unwrap_or(""));
    }
    t
}

/// A plain-text article of at least `bytes` bytes: a title, then paragraphs "The council
/// met again on day N …", each with one quote by Maria Lopez. For the reader's big-article
/// tests and benches.
pub fn council_article(bytes: usize) -> String {
    let mut text = String::from("A very long article\n\n");
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(&format!(
            "The council met again on day {i} to discuss the budget for the coming year and the plan for the harbour. \
             \"We will not cut the hospital budget,\" said Maria Lopez, the city's finance chief.\n\n"
        ));
        i += 1;
    }
    text
}

#[cfg(test)]
mod tests {
    #[test]
    fn deterministic_and_parseable() {
        let a = super::article(&mut super::Rng::new(7), 6);
        assert_eq!(a, super::article(&mut super::Rng::new(7), 6));
        let (art, w) = crate::corpus::Article::parse(
            "x".into(),
            "x".into(),
            a,
            crate::corpus::decode::Encoding::Utf8,
            &crate::corpus::Rules::builtin(),
        );
        assert!(w.is_none());
        assert!(art.meta.date.is_some() && art.meta.source.is_some());
        assert!(crate::quotes::extract(&art).iter().any(|q| q.speaker.is_some()));
    }
}
