//! saywho: a terminal reader for news articles that shows who said what, and where else
//! they said it.
//!
//! The core (`corpus`, `quotes`, `index`, `filter`) knows nothing of terminals; `cli` and
//! `tui` are two thin faces over it. See `docs/architecture.md`.

pub mod cache;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod filter;
pub mod index;
pub mod library;
pub mod quotes;
pub mod search;
pub mod state;
pub mod synth;
pub mod text;
pub mod tui;
