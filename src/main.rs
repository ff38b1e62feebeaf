//! The `saywho` binary: parse the command line and hand over to [`saywho::cli`].

fn main() -> std::process::ExitCode {
    saywho::cli::main()
}
