//! The only ways townhall writes to stdout and stderr outside the browser (clippy's
//! `disallowed-macros` and `disallowed-methods` in clippy.toml keep it so): a writer that
//! escapes whatever passes through it, and `errln!` for one-line messages.
//!
//! Escaping the stream rather than each value means a value that reaches output by a path
//! nobody thought of (an OS error text, a clap message, a file name) is still shown, not
//! obeyed.

use std::fmt;
use std::io::{self, Write};

use super::escape::{Layout, escape, needs_escape, push_escaped};

/// What may pass unescaped besides text: `\n` and `\t` always, `\r\n` pairs in `Crlf`
/// (iCalendar's line ends); a lone `\r`, which would overwrite the line on a terminal, never.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breaks {
    Lf,
    Crlf,
}

/// Escapes every control and invisible character written through it (see `escape`); bytes
/// that are not UTF-8 are shown as `\x{ff}`.
pub struct Escaping<W: Write> {
    inner: W,
    breaks: Breaks,
    /// Let townhall's own [`STYLES`] through (`--color`); everything else is still escaped.
    styles: bool,
    /// The start of a UTF-8 sequence cut by the end of the last write.
    partial: Vec<u8>,
    /// A `\r` at the end of the last write, waiting to see whether `\n` follows.
    carriage: bool,
}

impl<W: Write> Escaping<W> {
    pub fn new(inner: W, breaks: Breaks) -> Self {
        Escaping {
            inner,
            breaks,
            styles: false,
            partial: Vec::new(),
            carriage: false,
        }
    }

    fn text(&mut self, text: &str, out: &mut String) {
        if !self.styles {
            return self.plain(text, out);
        }
        let mut rest = text;
        while let Some(at) = rest.find('\x1b') {
            self.plain(&rest[..at], out);
            let tail = &rest[at..];
            match STYLES.iter().find(|s| tail.starts_with(**s)) {
                Some(style) => {
                    out.push_str(style);
                    rest = &tail[style.len()..];
                }
                None => {
                    self.plain("\x1b", out);
                    rest = &tail[1..];
                }
            }
        }
        self.plain(rest, out);
    }

    fn plain(&mut self, text: &str, out: &mut String) {
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if self.carriage {
                self.carriage = false;
                out.push_str(if c == '\n' { "\r" } else { "\\u{d}" });
            }
            match c {
                '\r' if self.breaks == Breaks::Crlf => match chars.peek() {
                    Some('\n') => out.push('\r'),
                    Some(_) => out.push_str("\\u{d}"),
                    None => self.carriage = true,
                },
                c => push_escaped(out, c, Layout::Block),
            }
        }
    }

    fn bytes(&mut self, mut bytes: &[u8], out: &mut String) {
        while !bytes.is_empty() {
            match std::str::from_utf8(bytes) {
                Ok(text) => {
                    self.text(text, out);
                    return;
                }
                Err(e) => {
                    let (valid, rest) = bytes.split_at(e.valid_up_to());
                    self.text(std::str::from_utf8(valid).unwrap_or_default(), out);
                    match e.error_len() {
                        None => {
                            self.partial.extend_from_slice(rest);
                            return;
                        }
                        Some(n) => {
                            for b in &rest[..n] {
                                out.push_str(&format!("\\x{{{b:02x}}}"));
                            }
                            bytes = &rest[n..];
                        }
                    }
                }
            }
        }
    }
}

impl<W: Write> Write for Escaping<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut out = String::with_capacity(buf.len());
        if self.partial.is_empty() {
            self.bytes(buf, &mut out);
        } else {
            let mut joined = std::mem::take(&mut self.partial);
            joined.extend_from_slice(buf);
            self.bytes(&joined, &mut out);
        }
        self.inner.write_all(out.as_bytes())?;
        Ok(buf.len())
    }

    /// A cut sequence or a `\r` still waiting at a flush is shown for what it is.
    fn flush(&mut self) -> io::Result<()> {
        let mut out = String::new();
        for b in std::mem::take(&mut self.partial) {
            out.push_str(&format!("\\x{{{b:02x}}}"));
        }
        if std::mem::take(&mut self.carriage) {
            out.push_str("\\u{d}");
        }
        self.inner.write_all(out.as_bytes())?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for Escaping<W> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

/// Standard output for command results.
#[allow(clippy::disallowed_methods)]
pub fn stdout() -> Escaping<io::StdoutLock<'static>> {
    Escaping::new(io::stdout().lock(), Breaks::Lf)
}

/// The only terminal sequences townhall writes itself: bold, dim, bold underline, reset.
/// Registry text can't carry them (control characters are removed when a file loads), and
/// they can only restyle text, never move the cursor or talk to the terminal.
pub const STYLES: [&str; 4] = ["\x1b[1m", "\x1b[2m", "\x1b[1;4m", "\x1b[0m"];

/// Standard output that, when `styles` is true, lets [`STYLES`] through (`--color`).
#[allow(clippy::disallowed_methods)]
pub fn stdout_styled(styles: bool) -> Escaping<io::StdoutLock<'static>> {
    let mut out = Escaping::new(io::stdout().lock(), Breaks::Lf);
    out.styles = styles;
    out
}

/// Standard output for a format with `\r\n` line ends (iCalendar).
#[allow(clippy::disallowed_methods)]
pub fn stdout_crlf() -> Escaping<io::StdoutLock<'static>> {
    Escaping::new(io::stdout().lock(), Breaks::Crlf)
}

/// Whether standard output is a terminal (tables then fit its width).
#[allow(clippy::disallowed_methods)]
pub fn stdout_is_terminal() -> bool {
    use std::io::IsTerminal;
    io::stdout().is_terminal()
}

/// Standard error, for a block of lines such as a list of problems.
#[allow(clippy::disallowed_methods)]
pub fn stderr() -> Escaping<io::StderrLock<'static>> {
    Escaping::new(io::stderr().lock(), Breaks::Lf)
}

/// One message line on stderr: the whole line is escaped as a [`Layout::Line`], so a value
/// inside it can neither act on the terminal nor start a line of its own.
pub fn err_line(message: fmt::Arguments) {
    let text = message.to_string();
    let mut err = stderr();
    let _ = writeln!(err, "{}", escape(&text, Layout::Line));
}

/// Whether `text` could be printed as it is.
pub fn is_printable(text: &str, layout: Layout) -> bool {
    !text.chars().any(|c| needs_escape(c, layout))
}

/// `eprintln!` for townhall: one escaped message line on stderr (see [`err_line`]).
#[macro_export]
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::untrusted::output::err_line(format_args!($($arg)*))
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(breaks: Breaks, writes: &[&[u8]]) -> String {
        let mut out = Vec::new();
        {
            let mut w = Escaping::new(&mut out, breaks);
            for chunk in writes {
                w.write_all(chunk).unwrap();
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escape_sequences_never_pass() {
        let s = through(Breaks::Lf, &[b"ok\n\x1b]52;c;eA==\x07\n\xc2\x9b2J"]);
        assert_eq!(s, "ok\n\\u{1b}]52;c;eA==\\u{7}\n\\u{9b}2J");
    }

    #[test]
    fn a_character_cut_between_writes_is_joined() {
        let rocket = "🚀".as_bytes();
        let s = through(
            Breaks::Lf,
            &[&rocket[..1], &rocket[1..3], &rocket[3..], b"!"],
        );
        assert_eq!(s, "🚀!");
    }

    #[test]
    fn bytes_that_are_not_utf8_are_shown() {
        assert_eq!(
            through(Breaks::Lf, &[b"a\xffb", b"\xe2\x82"]),
            "a\\x{ff}b\\x{e2}\\x{82}"
        );
    }

    #[test]
    fn only_crlf_pairs_pass_in_crlf_streams() {
        assert_eq!(
            through(Breaks::Crlf, &[b"A\r\nB\rC\r", b"\nD\r"]),
            "A\r\nB\\u{d}C\r\nD\\u{d}"
        );
        assert_eq!(through(Breaks::Lf, &[b"A\r\n"]), "A\\u{d}\n");
    }
}
