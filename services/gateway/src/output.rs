//! Writing a command's result to standard output (logs go to standard error).

use std::io::Write;

/// Writes one line to standard output; a closed pipe is not an error worth reporting.
pub(crate) fn line(text: impl AsRef<str>) {
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{}", text.as_ref());
    let _ = stdout.flush();
}
