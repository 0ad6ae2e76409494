fn main() -> std::process::ExitCode {
    counterpoint::cli::main()
}
