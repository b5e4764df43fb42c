//! `provenance`: build lists of originals, check articles against them, compare two texts, and
//! measure accuracy on labelled sets. Run `provenance --help` for the commands.
//!
//! The command line is native only: built for wasm32 (as `cargo test --target wasm32-…` does
//! for every binary), this program does nothing.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
