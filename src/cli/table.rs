//! Aligned columns for a terminal, plain tab-separated lines for a pipe.
//!
//! In a terminal a row never wraps. When it is too wide, columns give way in the order their
//! [`Give`] says: links first (a cut link is useless, so the column goes whole), then
//! ordinary columns, names last; the first column (the id people copy) is never cut. A cell
//! that knows where a search matched it is cut around the match. In a pipe nothing is cut.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use super::paint::Paint;
use crate::text::{cut_around, truncate};

pub struct Cell {
    text: String,
    /// Width of a label at the start that is never cut ("repo: ").
    label: usize,
    /// Char positions, in the text after the label, to keep visible when the cell is cut
    /// (a search match).
    focus: Vec<usize>,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: one_line(text.into()),
            label: 0,
            focus: Vec::new(),
        }
    }

    /// `label` then `text`; when the cell has to be cut, the label stays and the text is
    /// cut around `positions` (char offsets into `text`).
    pub fn matched(label: &str, text: &str, positions: &[usize]) -> Cell {
        // Joining lines changes char offsets, so a text that needs it is cut plainly.
        let focus = if text.contains(['\n', '\t']) {
            Vec::new()
        } else {
            positions.to_vec()
        };
        Cell {
            text: one_line(format!("{label}{text}")),
            label: label.width(),
            focus,
        }
    }

    /// The text painted whole (for a pipe).
    fn painted(&self, paint: Paint) -> String {
        let label = self.label_chars();
        let focus: Vec<usize> = self.focus.iter().map(|p| p + label).collect();
        paint.matched(&self.text, &focus)
    }

    /// Chars in the label.
    fn label_chars(&self) -> usize {
        self.text
            .chars()
            .scan(0, |cols, c| {
                *cols += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                Some(*cols)
            })
            .take_while(|cols| *cols <= self.label)
            .count()
    }

    /// Cut to `width` and painted; returns the text and its width on screen.
    fn cut_painted(&self, width: usize, paint: Paint) -> (String, usize) {
        let (text, positions) = self.cut(width);
        let shown = text.width();
        (paint.matched(&text, &positions), shown)
    }

    /// The text cut to `width`, and where the matched chars are in it.
    fn cut(&self, width: usize) -> (String, Vec<usize>) {
        // Room for the label and a few characters of the match, or else a plain cut.
        if self.focus.is_empty() || width < self.label + 4 {
            return (truncate(&self.text, width), Vec::new());
        }
        let split = self
            .text
            .char_indices()
            .scan(0, |cols, (i, c)| {
                let at = *cols;
                *cols += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                Some((i, at))
            })
            .find(|(_, at)| *at >= self.label)
            .map_or(self.text.len(), |(i, _)| i);
        let (label, rest) = self.text.split_at(split);
        let window = cut_around(rest, width - self.label, &self.focus);
        let shift = label.chars().count();
        let positions = window
            .positions(&self.focus)
            .iter()
            .map(|p| p + shift)
            .collect();
        (format!("{label}{}", window.text), positions)
    }
}

/// Registry text may hold newlines (a mission over several lines); a row must not. Anything
/// else a terminal would act on is shown escaped, so widths are measured on what is printed.
fn one_line(text: String) -> String {
    let text = if text.contains(['\n', '\t']) {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        text
    };
    match crate::untrusted::escape(&text, crate::untrusted::Layout::Line) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(escaped) => escaped,
    }
}

/// How a column gives way when a row doesn't fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Give {
    /// Cut with `…`, widest first.
    Cut,
    /// Cut only once every `Cut` column is as narrow as it goes: names people read.
    Last,
    /// Never cut: left out whole, before anything is cut (links, times).
    Whole,
    /// Never cut nor left out.
    Keep,
}

pub struct Table<const N: usize> {
    header: [&'static str; N],
    give: [Give; N],
    rows: Vec<[Cell; N]>,
    paint: Paint,
}

const GAP: usize = 2;

/// Narrowest a column gets before the table gives up and lets the terminal wrap.
const MIN_WIDTH: usize = 8;

impl<const N: usize> Table<N> {
    pub fn new(header: [&'static str; N]) -> Self {
        let mut give = [Give::Cut; N];
        give[0] = Give::Keep;
        Table {
            header,
            give,
            rows: Vec::new(),
            paint: Paint::default(),
        }
    }

    /// Styles the header and the matched characters (`--color`).
    pub fn painted(mut self, paint: Paint) -> Self {
        self.paint = paint;
        self
    }

    /// Sets how column `column` gives way (the first is `Keep` unless told otherwise).
    pub fn give(mut self, column: usize, give: Give) -> Self {
        self.give[column] = give;
        self
    }

    pub fn row(&mut self, cells: [Cell; N]) {
        self.rows.push(cells);
    }

    /// `width` None means "not a terminal": no header, no padding, tabs between fields, and
    /// nothing cut. Returns the headers of the columns left out to fit the width.
    pub fn write(
        &self,
        out: &mut impl Write,
        width: Option<usize>,
    ) -> io::Result<Vec<&'static str>> {
        let Some(width) = width else {
            for row in &self.rows {
                let fields: Vec<String> = row.iter().map(|c| c.painted(self.paint)).collect();
                writeln!(out, "{}", fields.join("\t"))?;
            }
            return Ok(Vec::new());
        };
        let widths = self.widths(width);
        let shown: Vec<usize> = (0..N).filter(|&i| widths[i].is_some()).collect();
        let column_widths: Vec<usize> = shown.iter().filter_map(|&i| widths[i]).collect();
        let header: Vec<(String, usize)> = shown
            .iter()
            .map(|&i| (self.paint.bold(self.header[i]), self.header[i].width()))
            .collect();
        write_line(out, &header, &column_widths)?;
        for row in &self.rows {
            let cells: Vec<(String, usize)> = shown
                .iter()
                .map(|&i| row[i].cut_painted(widths[i].unwrap_or(0), self.paint))
                .collect();
            write_line(out, &cells, &column_widths)?;
        }
        Ok((0..N)
            .filter(|&i| widths[i].is_none())
            .map(|i| self.header[i])
            .collect())
    }

    /// Each column's width, or None for a column left out.
    fn widths(&self, total: usize) -> [Option<usize>; N] {
        let mut widths = [0; N];
        for (i, h) in self.header.iter().enumerate() {
            widths[i] = h.width();
        }
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate() {
                widths[i] = widths[i].max(cell.text.width());
            }
        }
        let mut shown = [true; N];
        let needed = |w: &[usize; N], shown: &[bool; N]| {
            let columns = shown.iter().filter(|s| **s).count();
            (0..N).filter(|&i| shown[i]).map(|i| w[i]).sum::<usize>()
                + GAP * columns.saturating_sub(1)
        };
        // Whole columns go first, the rightmost first.
        for i in (0..N).rev() {
            if needed(&widths, &shown) <= total {
                break;
            }
            if self.give[i] == Give::Whole {
                shown[i] = false;
            }
        }
        for give in [Give::Cut, Give::Last] {
            while needed(&widths, &shown) > total {
                let Some((i, _)) = widths
                    .iter()
                    .enumerate()
                    .filter(|(i, w)| shown[*i] && self.give[*i] == give && **w > MIN_WIDTH)
                    .max_by_key(|(_, w)| **w)
                else {
                    break;
                };
                widths[i] -= 1;
            }
        }
        let mut out = [None; N];
        for i in 0..N {
            if shown[i] {
                out[i] = Some(widths[i]);
            }
        }
        out
    }
}

/// Each cell is its text (maybe with styling) and the width it takes on screen.
fn write_line(out: &mut impl Write, cells: &[(String, usize)], widths: &[usize]) -> io::Result<()> {
    let mut line = String::new();
    for (i, ((text, shown), &w)) in cells.iter().zip(widths).enumerate() {
        line.push_str(text);
        if i + 1 < cells.len() {
            line.push_str(&" ".repeat(w.saturating_sub(*shown) + GAP));
        }
    }
    writeln!(out, "{}", line.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(width: Option<usize>) -> String {
        let mut t = Table::new(["ID", "NAME"]);
        t.row([
            Cell::new("cf-docs"),
            Cell::new("Docs working group with a long name"),
        ]);
        t.row([Cell::new("cncf-wg-serverless"), Cell::new("Serverless\nWG")]);
        let mut out = Vec::new();
        t.write(&mut out, width).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn pipes_get_plain_tab_separated_lines() {
        assert_eq!(
            render(None),
            "cf-docs\tDocs working group with a long name\ncncf-wg-serverless\tServerless WG\n"
        );
    }

    #[test]
    fn terminals_get_aligned_columns_cut_to_fit() {
        let out = render(Some(40));
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "ID                  NAME");
        assert_eq!(lines[1], "cf-docs             Docs working group …");
        assert_eq!(lines[2], "cncf-wg-serverless  Serverless WG");
        assert!(lines.iter().all(|l| l.width() <= 40));
    }

    /// An `upcoming` row at 80 columns.
    fn agenda(width: usize) -> (String, Vec<&'static str>) {
        let mut t = Table::new(["WHEN", "", "GROUP", "MEETING", "JOIN"])
            .give(1, Give::Keep)
            .give(2, Give::Last)
            .give(3, Give::Last)
            .give(4, Give::Whole);
        t.row([
            Cell::new("Tue 10 Mar 15:30 CET"),
            Cell::new("in 2h 30m"),
            Cell::new("Technical Oversight Committee"),
            Cell::new("TOC meeting"),
            Cell::new("https://zoom.us/j/98797398641?pwd=VWhBRkVhZkJnS3lEWStoYjZMWnd2Zz09"),
        ]);
        let mut out = Vec::new();
        let left_out = t.write(&mut out, Some(width)).unwrap();
        (String::from_utf8(out).unwrap(), left_out)
    }

    #[test]
    fn names_go_before_links_in_a_narrow_table() {
        let (out, left_out) = agenda(80);
        assert_eq!(left_out, ["JOIN"]);
        let row = out.lines().nth(1).unwrap();
        assert_eq!(
            row,
            "Tue 10 Mar 15:30 CET  in 2h 30m  Technical Oversight Committee  TOC meeting"
        );
        // Wide enough, the link is there whole.
        let (out, left_out) = agenda(160);
        assert!(left_out.is_empty());
        assert!(
            out.contains("pwd=VWhBRkVhZkJnS3lEWStoYjZMWnd2Zz09"),
            "{out}"
        );
        // Narrower still, the names are cut last, and the times never.
        let (out, _) = agenda(60);
        let row = out.lines().nth(1).unwrap();
        assert_eq!(
            row,
            "Tue 10 Mar 15:30 CET  in 2h 30m  Technical Ove…  TOC meeting"
        );
    }

    #[test]
    fn a_matched_cell_is_cut_around_the_match() {
        let mut t = Table::new(["ID", "MATCHED"]);
        t.row([
            Cell::new("cf-docs"),
            Cell::matched("repo: ", "cloudfoundry/docs-uaa", &[18, 19, 20]),
        ]);
        let mut out = Vec::new();
        t.write(&mut out, Some(25)).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert_eq!(out.lines().nth(1).unwrap(), "cf-docs  repo: …/docs-uaa");
        // In a pipe, the whole text.
        let mut out = Vec::new();
        t.write(&mut out, None).unwrap();
        assert_eq!(out, b"cf-docs\trepo: cloudfoundry/docs-uaa\n");
        // Painted, the header is bold and the match underlined, and the columns still line up.
        let t = t.painted(Paint::new(true));
        let mut out = Vec::new();
        t.write(&mut out, Some(25)).unwrap();
        let out = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "\x1b[1mID\x1b[0m       \x1b[1mMATCHED\x1b[0m");
        assert_eq!(lines[1], "cf-docs  repo: …/docs-\x1b[1;4muaa\x1b[0m");
        let mut out = Vec::new();
        t.write(&mut out, None).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "cf-docs\trepo: cloudfoundry/docs-\x1b[1;4muaa\x1b[0m\n"
        );
    }
}
