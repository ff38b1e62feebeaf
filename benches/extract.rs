//! Quote extraction throughput over ../shared/data/bbc (skipped when absent), one core:
//! `cargo bench --bench extract`. Criterion reports bytes/s of article text.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use saywho::corpus::{self, LoadOptions, Rules};
use saywho::index::Index;
use std::hint::black_box;
use std::path::PathBuf;

/// The allocator the saywho binary runs with (src/main.rs), so the figures are the
/// product's.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn bench(c: &mut Criterion) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/bbc");
    if !dir.is_dir() {
        eprintln!("skipping: {} is absent", dir.display());
        return;
    }
    let rules = Rules::builtin();
    let corpus = corpus::load_paths(
        &[dir],
        &LoadOptions {
            max_size: corpus::load::DEFAULT_MAX_SIZE,
            rules: &rules,
            progress: None,
            cache: None,
        },
    );
    let bytes: usize = corpus
        .articles
        .iter()
        .map(|a| AsRef::<saywho::corpus::Body>::as_ref(a).text.len())
        .sum();
    let mut g = c.benchmark_group("bbc");
    g.sample_size(20);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("extract quotes, one core", |b| {
        b.iter(|| {
            corpus
                .articles
                .iter()
                .map(|a| saywho::quotes::extract(black_box(a)).len())
                .sum::<usize>()
        })
    });
    let quotes: Vec<_> = corpus.articles.iter().map(saywho::quotes::extract).collect();
    g.throughput(Throughput::Elements(corpus.articles.len() as u64));
    g.bench_function("people, links and statements", |b| {
        b.iter(|| Index::from_quotes(black_box(quotes.clone())).people.len())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
