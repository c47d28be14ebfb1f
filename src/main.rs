use std::process::ExitCode;

fn main() -> ExitCode {
    hocso::cli::run()
}
