//! The one escaping function: every outside character on its way to a terminal or a pipe
//! passes through [`escape`] (directly, or through the writers in `output`).
//!
//! Control characters (C0, DEL, C1) and invisible characters are shown visibly as `\u{1b}`
//! rather than dropped, so a message about a hostile value still says what the value was,
//! and nothing the terminal would act on (OSC 52 clipboard writes, cursor moves, title
//! changes) or that would reorder or hide text (bidi overrides, zero-width characters) gets
//! through. Backslashes are left alone: a literal `\u{1b}` typed in a file is harmless text.

use std::borrow::Cow;
use std::fmt::Write as _;

use super::invisible::is_invisible;

/// Where the text goes, which decides whether line breaks are layout or content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One line: a message, a table cell, a status line. `\n` and `\t` are shown as `\n` and
    /// `\t`, so a value cannot forge a second message line or shift columns.
    Line,
    /// Running text whose layout is ours (a `show` page, a stream of lines): `\n` and `\t`
    /// pass; everything else is escaped as in `Line`.
    Block,
}

/// Whether `c` must not reach a terminal as it is.
pub fn needs_escape(c: char, layout: Layout) -> bool {
    match c {
        '\n' | '\t' => layout == Layout::Line,
        c => c.is_control() || is_invisible(c),
    }
}

/// `text` with every control and invisible character written as `\u{hex}` (and, in a
/// [`Layout::Line`], line breaks and tabs as `\n` and `\t`). Borrows when nothing changes.
pub fn escape(text: &str, layout: Layout) -> Cow<'_, str> {
    let Some(first) = text.find(|c| needs_escape(c, layout)) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        push_escaped(&mut out, c, layout);
    }
    Cow::Owned(out)
}

/// Appends `c`, escaped if it must be.
pub fn push_escaped(out: &mut String, c: char, layout: Layout) {
    if !needs_escape(c, layout) {
        out.push(c);
        return;
    }
    match c {
        '\n' => out.push_str("\\n"),
        '\t' => out.push_str("\\t"),
        c => {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
    }
}

/// Anything displayed (a `Problem`, an error) as one escaped line: a value it quotes can
/// neither act on the terminal nor start a line that looks like another message.
pub fn one_line(shown: &impl std::fmt::Display) -> String {
    escape(&shown.to_string(), Layout::Line).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_shown_not_acted_on() {
        assert_eq!(
            escape("\u{1b}]52;c;cHduZWQ=\u{7}", Layout::Line),
            "\\u{1b}]52;c;cHduZWQ=\\u{7}"
        );
        assert_eq!(
            escape("a\u{7f}b\u{9b}c", Layout::Block),
            "a\\u{7f}b\\u{9b}c"
        );
    }

    #[test]
    fn invisible_and_direction_characters_are_shown() {
        assert_eq!(
            escape("evil\u{202E}txt.exe\u{200B}\u{E0041}", Layout::Line),
            "evil\\u{202e}txt.exe\\u{200b}\\u{e0041}"
        );
    }

    #[test]
    fn line_breaks_are_layout_only_in_blocks() {
        assert_eq!(escape("a\nb\tc", Layout::Block), "a\nb\tc");
        assert_eq!(escape("a\nb\tc\r", Layout::Line), "a\\nb\\tc\\u{d}");
    }

    #[test]
    fn clean_text_is_borrowed_unchanged() {
        let text = "Jörg 中文 🚀 C:\\path";
        assert!(matches!(escape(text, Layout::Line), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn values_in_messages_are_shown_not_obeyed() {
        let p = crate::model::Problem::warning(
            "evil\u{1b}[2J.yaml",
            Some(crate::model::Pos { line: 1, column: 1 }),
            "unknown key `\u{1b}]52;c;eA==\u{7}`\nfake.yaml:1:1: forged",
        );
        assert_eq!(
            one_line(&p),
            "evil\\u{1b}[2J.yaml:1:1: warning: unknown key `\\u{1b}]52;c;eA==\\u{7}`\\nfake.yaml:1:1: forged"
        );
    }
}
