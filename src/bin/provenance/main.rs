//! `provenance`: build lists of originals, check articles against them, compare two texts, and
//! measure accuracy on labelled sets. Run `provenance --help` for the commands.
//!
//! The command line is native only: built for wasm32 (as `cargo test --target wasm32-…` does
//! for every binary), this program does nothing.

#[cfg(not(target_arch = "wasm32"))]
mod cli;
#[cfg(not(target_arch = "wasm32"))]
mod html;
#[cfg(not(target_arch = "wasm32"))]
mod readable;

/// mimalloc rather than the system's malloc: a list is built from many small buffers, allocated
/// and freed on every core at once (see Cargo.toml).
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    quit_quietly_on_closed_pipe();
    cli::main()
}

/// Makes a closed standard output (`provenance check … | head -1`) end the program quietly, as it
/// does for other command-line tools, instead of a panic in `println!`: Rust programs start with
/// SIGPIPE ignored, so every write to a closed pipe fails, and `println!` panics on failure.
#[cfg(unix)]
fn quit_quietly_on_closed_pipe() {
    const SIGPIPE: i32 = 13;
    const SIG_DFL: usize = 0;
    unsafe extern "C" {
        fn signal(signum: i32, handler: usize) -> usize;
    }
    // SAFETY: restores the default action of one signal before any thread is started; the
    // previous handler (Rust's "ignore") is not needed again.
    unsafe {
        signal(SIGPIPE, SIG_DFL);
    }
}

#[cfg(all(not(unix), not(target_arch = "wasm32")))]
fn quit_quietly_on_closed_pipe() {}

#[cfg(target_arch = "wasm32")]
fn main() {}
