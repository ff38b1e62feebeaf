//! The `saywho` binary: parse the command line and hand over to [`saywho::cli`].

/// mimalloc: a start from the cache decodes hundreds of thousands of small strings (names,
/// roles, quote texts) on every core; the system allocator spends a third of that time in
/// malloc and free, mimalloc a fraction of it (and returns memory to the system as well).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    saywho::cli::main()
}
