//! Aligned columns for a terminal, plain tab-separated lines for a pipe.
//!
//! In a terminal a row never wraps: the widest columns are cut with `…` until it fits.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use crate::text::truncate;

pub struct Cell {
    text: String,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: one_line(text.into()),
        }
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

pub struct Table<const N: usize> {
    header: [&'static str; N],
    rows: Vec<[Cell; N]>,
}

const GAP: usize = 2;

impl<const N: usize> Table<N> {
    pub fn new(header: [&'static str; N]) -> Self {
        Table {
            header,
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: [Cell; N]) {
        self.rows.push(cells);
    }

    /// `width` None means "not a terminal": no header, no padding, tabs between fields.
    pub fn write(&self, out: &mut impl Write, width: Option<usize>) -> io::Result<()> {
        let Some(width) = width else {
            for row in &self.rows {
                let fields: Vec<&str> = row.iter().map(|c| c.text.as_str()).collect();
                writeln!(out, "{}", fields.join("\t"))?;
            }
            return Ok(());
        };
        let widths = self.widths(width);
        let header: Vec<String> = self.header.iter().map(|h| h.to_string()).collect();
        write_line(
            out,
            &header.iter().map(String::as_str).collect::<Vec<_>>(),
            &widths,
        )?;
        for row in &self.rows {
            write_line(
                out,
                &row.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(),
                &widths,
            )?;
        }
        Ok(())
    }

    /// Natural widths, then the widest columns give way one column at a time until the row
    /// fits; the first column (the id people copy) is never cut.
    fn widths(&self, total: usize) -> [usize; N] {
        let mut widths = [0; N];
        for (i, h) in self.header.iter().enumerate() {
            widths[i] = h.width();
        }
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate() {
                widths[i] = widths[i].max(cell.text.width());
            }
        }
        let needed = |w: &[usize; N]| w.iter().sum::<usize>() + GAP * (N - 1);
        while needed(&widths) > total {
            let Some((i, _)) = widths
                .iter()
                .enumerate()
                .skip(1)
                .filter(|(_, w)| **w > MIN_WIDTH)
                .max_by_key(|(_, w)| **w)
            else {
                break;
            };
            widths[i] -= 1;
        }
        widths
    }
}

/// Narrowest a column gets before the table gives up and lets the terminal wrap.
const MIN_WIDTH: usize = 8;

fn write_line(out: &mut impl Write, cells: &[&str], widths: &[usize]) -> io::Result<()> {
    let mut line = String::new();
    for (i, (text, &w)) in cells.iter().zip(widths).enumerate() {
        let cut = truncate(text, w);
        line.push_str(&cut);
        if i + 1 < cells.len() {
            line.push_str(&" ".repeat(w - cut.width() + GAP));
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
}
