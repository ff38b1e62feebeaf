//! `saywho account add|list|remove`: the feed servers `sync` talks to, a thin face over
//! `crate::library::remote`.

use super::{AccountAction, Global};
use crate::library::remote::{self, Account, Accounts, Kind};
use anyhow::{Context, Result, bail};
use std::io::Write;

fn file() -> Result<std::path::PathBuf> {
    remote::default_file().context("no config folder on this system (set XDG_CONFIG_HOME)")
}

pub fn load() -> Result<Accounts> {
    Accounts::load(&file()?)
}

/// The password for a new account: its command, `$SAYWHO_PASSWORD`, or asked for.
fn password_for(a: &Account) -> Result<String> {
    if let Some(p) = remote::password(a)? {
        return Ok(p);
    }
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() {
        bail!("no password: set $SAYWHO_PASSWORD or give --password-command (no terminal to ask on)");
    }
    let p = rpassword::prompt_password(format!("password for {} at {}: ", a.user, a.url))
        .context("cannot read the password")?;
    if p.is_empty() {
        bail!("no password given");
    }
    Ok(p)
}

pub fn account(action: AccountAction, global: &Global, out: &mut impl Write) -> Result<()> {
    let mut accounts = load()?;
    match action {
        AccountAction::Add {
            kind,
            url,
            user,
            name,
            password_command,
        } => {
            let kind = match kind.as_str() {
                "fever" => Kind::Fever,
                other => bail!("{other:?} is not an API saywho speaks (it speaks: fever)"),
            };
            let parsed = url::Url::parse(&url).with_context(|| format!("{url:?} is not a URL"))?;
            if !matches!(parsed.scheme(), "http" | "https") {
                bail!("{url:?}: only http and https servers");
            }
            let name = match name {
                Some(n) if accounts.accounts.iter().any(|a| a.name == n) => {
                    bail!("there is already an account named {n:?}")
                }
                Some(n) => n,
                None => accounts.free_name(&url),
            };
            if let Some(a) = accounts.accounts.iter().find(|a| a.url == url && a.user == user) {
                bail!("{user} at {url} is already account {:?}", a.name);
            }
            let a = Account {
                name: name.clone(),
                kind,
                url,
                user,
                password_command,
            };
            let pw = password_for(&a)?;
            let key = match kind {
                Kind::Fever => remote::fever::api_key(&a.user, &pw),
            };
            let client = crate::library::fetch::Client::new(
                std::time::Duration::from_secs_f64(crate::library::sync::DEFAULT_TIMEOUT_SECS),
                crate::corpus::load::DEFAULT_MAX_SIZE,
            );
            remote::service(&a, key.clone(), client)
                .check()
                .map_err(|e| anyhow::anyhow!("{} at {}: {e}", a.user, a.url))?;
            if a.password_command.is_none() {
                accounts.store_key(&name, &key)?;
            }
            accounts.accounts.push(a);
            accounts.save()?;
            writeln!(out, "added account {name} (`saywho sync` brings its feeds and marks)")?;
        }
        AccountAction::List { json } => {
            let marks = global
                .library()
                .zip(global.state_dir().map(|d| crate::state::Store::open(&d)));
            for a in &accounts.accounts {
                let w = marks
                    .as_ref()
                    .map_or(0, |(lib, store)| remote::pending(&a.name, lib, store));
                if json {
                    #[derive(serde::Serialize)]
                    struct Row<'a> {
                        #[serde(flatten)]
                        account: &'a Account,
                        waiting: usize,
                    }
                    super::json_line(out, &Row { account: a, waiting: w })?;
                } else {
                    let kind = match a.kind {
                        Kind::Fever => "fever",
                    };
                    let waits = if w > 0 {
                        format!("\t{} waiting", crate::text::plural(w, "mark"))
                    } else {
                        String::new()
                    };
                    writeln!(out, "{}\t{kind}\t{}\t{}{waits}", a.name, a.url, a.user)?;
                }
            }
            if accounts.accounts.is_empty() && !json {
                eprintln!("no accounts yet: `saywho account add fever URL --user EMAIL` adds one");
            }
        }
        AccountAction::Remove { name } => {
            let a = accounts.remove(&name)?;
            accounts.save()?;
            writeln!(
                out,
                "removed account {} ({}); its articles stay in the library",
                a.name, a.url
            )?;
        }
    }
    Ok(())
}
