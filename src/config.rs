//! The user's configuration: `$XDG_CONFIG_HOME/saywho/config.toml` or `--config FILE`.
//! Every field is optional; a missing file is the defaults.

use anyhow::{Context, Result};
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Largest article file read, in bytes.
    pub max_file_size: Option<u64>,
    /// Extra boilerplate rules (same format as assets/boilerplate.toml).
    pub boilerplate: Option<PathBuf>,
    /// Keys: action name → key strings. Merged over assets/keymap.toml.
    #[serde(default)]
    pub keys: toml::Table,
    /// Theme colours.
    #[serde(default)]
    pub theme: toml::Table,
    /// Mouse support (off by default).
    #[serde(default)]
    pub mouse: bool,
    /// Mark an article read when it is opened (default true).
    pub mark_read_on_open: Option<bool>,
}

/// The default config file path.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "saywho").map(|d| d.config_dir().join("config.toml"))
}

/// The text of the config file and its path, if there is one.
pub fn read(explicit: Option<&Path>) -> Result<Option<(String, PathBuf)>> {
    match explicit {
        Some(p) => {
            let text =
                std::fs::read_to_string(p).with_context(|| format!("cannot read config file {}", p.display()))?;
            Ok(Some((text, p.to_path_buf())))
        }
        None => {
            let Some(p) = default_path() else {
                return Ok(None);
            };
            match std::fs::read_to_string(&p) {
                Ok(text) => Ok(Some((text, p))),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(e).with_context(|| format!("cannot read config file {}", p.display())),
            }
        }
    }
}

/// Parse a config file's text; errors name the file and the line.
pub fn parse(text: &str, path: &Path) -> Result<Config> {
    toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| text[..s.start.min(text.len())].lines().count().max(1));
        match line {
            Some(l) => anyhow::anyhow!("{}:{l}: {}", path.display(), e.message()),
            None => anyhow::anyhow!("{}: {}", path.display(), e.message()),
        }
    })
}

/// Load the config (default when there is none).
pub fn load(explicit: Option<&Path>) -> Result<(Config, Option<PathBuf>)> {
    match read(explicit)? {
        Some((text, path)) => Ok((parse(&text, &path)?, Some(path))),
        None => Ok((Config::default(), None)),
    }
}
