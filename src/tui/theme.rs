//! Colours, from the `[theme]` table of the config; `NO_COLOR` keeps only modifiers
//! (reverse for the selection, bold and underline for matches), so nothing depends on
//! colour alone.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone)]
pub struct Theme {
    pub color: bool,
    pub accent: Color,
    pub quote: Color,
    pub reported: Color,
    pub speaker: Color,
    pub matched: Color,
    pub dim: Color,
    pub selected_bg: Color,
    pub link: Color,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            color: true,
            accent: Color::Cyan,
            quote: Color::Yellow,
            reported: Color::LightYellow,
            speaker: Color::LightCyan,
            matched: Color::LightMagenta,
            dim: Color::DarkGray,
            selected_bg: Color::Blue,
            link: Color::LightGreen,
        }
    }
}

impl Theme {
    /// From the config's `[theme]` table (colour names, "#rrggbb" or 0–255), and `NO_COLOR`.
    pub fn from_config(table: &toml::Table, no_color: bool) -> Result<Theme, String> {
        let mut t = Theme {
            color: !no_color,
            ..Theme::default()
        };
        for (k, v) in table {
            let s = v
                .as_str()
                .ok_or_else(|| format!("[theme] {k}: expected a colour name in quotes"))?;
            let c: Color = s.parse().map_err(|_| {
                format!("[theme] {k}: {s:?} is not a colour (a name like \"yellow\", \"#ffaa00\" or 0-255)")
            })?;
            match k.as_str() {
                "accent" => t.accent = c,
                "quote" => t.quote = c,
                "reported" => t.reported = c,
                "speaker" => t.speaker = c,
                "matched" => t.matched = c,
                "dim" => t.dim = c,
                "selected_bg" => t.selected_bg = c,
                "link" => t.link = c,
                _ => {
                    return Err(format!(
                        "[theme] unknown colour {k:?} (expected accent, quote, reported, speaker, matched, dim, selected_bg, link)"
                    ));
                }
            }
        }
        Ok(t)
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::default().fg(c)
        } else {
            Style::default()
        }
    }

    pub fn selected(&self) -> Style {
        if self.color {
            Style::default()
                .bg(self.selected_bg)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::default().add_modifier(Modifier::REVERSED)
        }
    }
    pub fn matched(&self) -> Style {
        self.fg(self.matched)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
    pub fn current_match(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }
    pub fn quote(&self) -> Style {
        self.fg(self.quote).add_modifier(Modifier::ITALIC)
    }
    pub fn reported(&self) -> Style {
        self.fg(self.reported)
    }
    pub fn speaker(&self) -> Style {
        self.fg(self.speaker).add_modifier(Modifier::BOLD)
    }
    pub fn title(&self) -> Style {
        self.fg(self.accent).add_modifier(Modifier::BOLD)
    }
    pub fn dim(&self) -> Style {
        if self.color {
            self.fg(self.dim)
        } else {
            Style::default().add_modifier(Modifier::DIM)
        }
    }
    pub fn link(&self) -> Style {
        self.fg(self.link).add_modifier(Modifier::BOLD)
    }
    pub fn target(&self) -> Style {
        self.quote().add_modifier(Modifier::REVERSED)
    }
    pub fn header(&self) -> Style {
        self.fg(self.accent).add_modifier(Modifier::BOLD)
    }
    pub fn status(&self) -> Style {
        if self.color {
            Style::default().bg(Color::DarkGray).fg(Color::White)
        } else {
            Style::default().add_modifier(Modifier::REVERSED)
        }
    }
}
