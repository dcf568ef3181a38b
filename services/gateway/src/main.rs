//! The `loket` command.

fn main() -> std::process::ExitCode {
    loket::cli::main()
}
