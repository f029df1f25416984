//! Word wrapping with a hanging indent, so a wrapped goal or URL stays under its bullet or
//! label instead of falling back to the pane's edge. Long words (URLs) break anywhere.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// A line and how far its continuation lines are indented.
pub struct Hanging {
    pub line: Line<'static>,
    pub indent: usize,
}

pub fn hanging(line: Line<'static>, indent: usize) -> Hanging {
    Hanging { line, indent }
}

/// Lines already wrapped to `width` columns.
#[cfg(test)]
pub fn wrap(items: &[Hanging], width: usize) -> Vec<Line<'static>> {
    wrap_at_most(items, width, usize::MAX).0
}

/// Like [`wrap`], but stops after `max` lines, saying whether there was more: a frame lays out
/// only what it can show (and a little to count below), however long a registry value is.
pub fn wrap_at_most(items: &[Hanging], width: usize, max: usize) -> (Vec<Line<'static>>, bool) {
    let width = width.max(1);
    let mut out = Vec::new();
    for item in items {
        if out.len() >= max {
            out.truncate(max);
            return (out, true);
        }
        // A line holds at most `width` cells; twice that many chars leaves room for
        // combining marks, and what is cut lies past the last line wanted anyway.
        let room = (max - out.len()).saturating_mul(width).saturating_mul(2);
        wrap_one(item, width, room, &mut out);
    }
    let more = out.len() > max;
    out.truncate(max);
    (out, more)
}

/// Greedy fill over styled words (at most `room` chars of them); spaces at a break are
/// dropped.
fn wrap_one(item: &Hanging, width: usize, room: usize, out: &mut Vec<Line<'static>>) {
    let indent = if item.indent + 8 > width {
        0
    } else {
        item.indent
    };
    let cells: Vec<(char, Style)> = item
        .line
        .spans
        .iter()
        .flat_map(|s| {
            s.content
                .chars()
                .map(move |c| (c, item.line.style.patch(s.style)))
        })
        .take(room)
        .collect();
    let mut line: Vec<(char, Style)> = Vec::new();
    let mut col = 0;
    let mut i = 0;
    while i < cells.len() {
        let word_end = cells[i..]
            .iter()
            .position(|(c, _)| *c == ' ')
            .map_or(cells.len(), |p| i + p.max(1));
        let word = &cells[i..word_end];
        let word_width: usize = word.iter().map(|(c, _)| c.width().unwrap_or(0)).sum();
        let fresh =
            col == 0 || (col == indent && !out.is_empty() && line.iter().all(|(c, _)| *c == ' '));
        // A word longer than a whole line starts where it is and breaks; moving it down
        // would only leave a gap.
        let fits_a_line = word_width <= width - indent;
        if col + word_width > width && !fresh && fits_a_line {
            out.push(to_line(trim_end(&line)));
            line = vec![(' ', Style::new()); indent];
            col = indent;
            if word.iter().all(|(c, _)| *c == ' ') {
                i = word_end;
                continue;
            }
        }
        for &(c, style) in word {
            let w = c.width().unwrap_or(0);
            if col + w > width {
                out.push(to_line(&line));
                line = vec![(' ', Style::new()); indent];
                col = indent;
            }
            line.push((c, style));
            col += w;
        }
        i = word_end;
    }
    out.push(to_line(&line));
}

/// A line ending at a wrap point keeps no trailing spaces.
fn trim_end(cells: &[(char, Style)]) -> &[(char, Style)] {
    let end = cells
        .iter()
        .rposition(|(c, _)| *c != ' ')
        .map_or(0, |i| i + 1);
    &cells[..end]
}

/// Joins runs of equal style back into spans.
fn to_line(cells: &[(char, Style)]) -> Line<'static> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    for &(c, style) in cells {
        match spans.last_mut() {
            Some(last) if last.style == style => last.content.to_mut().push(c),
            _ => spans.push(Span::styled(c.to_string(), style)),
        }
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn at_most_lays_out_only_the_lines_wanted() {
        let long = hanging(Line::from("word ".repeat(200_000)), 2);
        let (lines, more) = wrap_at_most(&[long], 40, 30);
        assert_eq!((lines.len(), more), (30, true));
        let short = hanging(Line::from("a few words"), 2);
        let (lines, more) = wrap_at_most(&[short], 40, 30);
        assert_eq!((lines.len(), more), (1, false));
    }

    #[test]
    fn continuation_lines_hang_under_the_text() {
        let item = hanging(
            Line::from("  • Define the scope of the space as it exists today"),
            4,
        );
        assert_eq!(
            texts(&wrap(&[item], 24)),
            [
                "  • Define the scope of",
                "    the space as it",
                "    exists today"
            ]
        );
    }

    #[test]
    fn long_words_break_anywhere_and_keep_the_indent() {
        let item = hanging(
            Line::from("  notes      https://docs.google.com/document/d/1wP21mVwaoZw"),
            13,
        );
        let lines = texts(&wrap(&[item], 30));
        assert_eq!(lines[0], "  notes      https://docs.goog");
        assert!(
            lines[1..]
                .iter()
                .all(|l| l.starts_with("             ") && l.chars().count() <= 30),
            "{lines:?}"
        );
        let joined: String = lines.iter().map(|l| l.trim()).collect();
        assert_eq!(
            joined,
            "notes      https://docs.google.com/document/d/1wP21mVwaoZw"
        );
    }

    #[test]
    fn styles_survive_wrapping_and_wide_chars_count_twice() {
        let bold = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let item = hanging(
            Line::from(vec![Span::raw("中文 "), Span::styled("粗体字", bold)]),
            0,
        );
        let lines = wrap(&[item], 6);
        assert_eq!(texts(&lines), ["中文", "粗体字"]);
        assert_eq!(lines[1].spans[0].style, bold);
    }
}
