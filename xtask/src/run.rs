//! Running commands and reporting what happens, so every step of `cargo
//! xtask` says what it is doing and stops at the first failure.

use std::fmt;
use std::process::Command;

/// A step that failed, with what to tell the user.
pub struct Fail(pub String);

impl fmt::Debug for Fail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Prints a progress line.
pub fn say(message: &str) {
    eprintln!("folio: {message}");
}

/// Runs `command` with inherited output; fails unless it exits 0.
pub fn run(command: &mut Command) -> Result<(), Fail> {
    let shown = show(command);
    say(&format!("$ {shown}"));
    let status = command.status().map_err(|e| Fail(format!("cannot run {shown}: {e}")))?;
    if status.success() {
        Ok(())
    } else {
        Err(Fail(format!("{shown} failed ({status})")))
    }
}

/// Runs `command` quietly and returns its standard output.
pub fn output(command: &mut Command) -> Result<String, Fail> {
    let shown = show(command);
    let out = command.output().map_err(|e| Fail(format!("cannot run {shown}: {e}")))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(Fail(format!(
            "{shown} failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        )))
    }
}

fn show(command: &Command) -> String {
    let mut shown = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        shown.push(' ');
        shown.push_str(&arg.to_string_lossy());
    }
    shown
}
