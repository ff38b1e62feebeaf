//! The `saywho` binary: parse the command line and hand over to [`saywho::cli`].

/// mimalloc: the quote engine makes many small allocations per article (tokens, names,
/// roles); glibc's malloc spent about a tenth of a `quotes` run on them.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    saywho::cli::main()
}
