//! Just enough Markdown to read Cloud Foundry's governance pages: headings, the paragraphs
//! and list items under them, pipe tables, inline links and fenced blocks.
//!
//! The pages are written by hand for GitHub's renderer, so this reads the subset they use and
//! nothing more; a full CommonMark parser would add a dependency and still not know what a
//! "Leads" table means. Every piece keeps its line, so warnings point into the page.

use crate::model::Pos;

#[cfg(test)]
use crate::formats::markup::InlineLink;
pub use crate::formats::markup::{links, plain};

/// One line of a page, with its 1-based number.
#[derive(Debug, Clone, Copy)]
pub struct Line<'t> {
    pub number: usize,
    pub text: &'t str,
}

impl Line<'_> {
    pub fn pos(&self) -> Pos {
        Pos {
            line: self.number,
            column: 1,
        }
    }
}

/// A page split into lines, with HTML comments blanked out (the directory keeps a template
/// group inside `<!-- -->`, which must not read as a group).
pub struct Page<'t> {
    pub lines: Vec<Line<'t>>,
}

impl<'t> Page<'t> {
    pub fn new(text: &'t str) -> Page<'t> {
        let mut lines = Vec::new();
        let mut in_comment = false;
        for (i, raw) in text.lines().enumerate() {
            let number = i + 1;
            let trimmed = raw.trim();
            if in_comment {
                if trimmed.contains("-->") {
                    in_comment = false;
                }
                lines.push(Line { number, text: "" });
                continue;
            }
            if trimmed.starts_with("<!--") && !trimmed.contains("-->") {
                in_comment = true;
                lines.push(Line { number, text: "" });
                continue;
            }
            lines.push(Line { number, text: raw });
        }
        Page { lines }
    }

    /// The sections under headings of `level` (`##` is 2), in page order, each with the lines
    /// up to the next heading of the same or a higher level.
    pub fn sections(&self, level: usize) -> Vec<Section<'_, 't>> {
        let mut sections = Vec::new();
        let mut open: Option<(usize, String)> = None;
        for (i, line) in self.lines.iter().enumerate() {
            let Some((l, title)) = heading(line.text) else {
                continue;
            };
            if l > level {
                continue;
            }
            if let Some((start, title)) = open.take() {
                sections.push(Section {
                    heading: self.lines[start],
                    title,
                    body: &self.lines[start + 1..i],
                });
            }
            if l == level {
                open = Some((i, title));
            }
        }
        if let Some((start, title)) = open {
            sections.push(Section {
                heading: self.lines[start],
                title,
                body: &self.lines[start + 1..],
            });
        }
        sections
    }

    /// The section titled `title` (case-insensitive) at any level from 1 to 3.
    pub fn section(&self, title: &str) -> Option<Section<'_, 't>> {
        (1..=3)
            .flat_map(|level| self.sections(level))
            .find(|s| s.title.eq_ignore_ascii_case(title))
    }

    /// Every fenced block whose info string is `lang`, with the line its content starts on.
    pub fn fenced(&self, lang: &str) -> Vec<(usize, String)> {
        let mut blocks = Vec::new();
        let mut open: Option<(usize, String)> = None;
        for line in &self.lines {
            let trimmed = line.text.trim_end();
            match &mut open {
                None => {
                    if let Some(info) = trimmed.strip_prefix("```")
                        && info.trim() == lang
                    {
                        open = Some((line.number + 1, String::new()));
                    }
                }
                Some((start, body)) => {
                    if trimmed.trim_start() == "```" {
                        blocks.push((*start, std::mem::take(body)));
                        open = None;
                    } else {
                        body.push_str(line.text);
                        body.push('\n');
                    }
                }
            }
        }
        blocks
    }
}

/// `## Title` → (2, "Title").
pub fn heading(line: &str) -> Option<(usize, String)> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = &line[hashes..];
    if !rest.starts_with(' ') {
        return None;
    }
    Some((hashes, rest.trim().trim_end_matches('#').trim().to_string()))
}

/// The lines under one heading.
#[derive(Clone)]
pub struct Section<'p, 't> {
    pub heading: Line<'t>,
    pub title: String,
    pub body: &'p [Line<'t>],
}

impl<'t> Section<'_, 't> {
    /// The first line starting with `label:` ("Mission: ..."), as the text after it.
    pub fn labelled(&self, label: &str) -> Option<(Line<'t>, String)> {
        self.body.iter().find_map(|line| {
            let rest = strip_prefix_ignore_case(line.text.trim(), label)?;
            let rest = rest.strip_prefix(':')?;
            Some((*line, plain(rest)))
        })
    }

    /// Paragraphs of prose (not lists, tables, headings or fences), each joined into one line.
    pub fn paragraphs(&self) -> Vec<(Line<'t>, String)> {
        let mut paragraphs = Vec::new();
        let mut current: Option<(Line<'t>, String)> = None;
        let mut in_fence = false;
        for line in self.body {
            let t = line.text.trim();
            if t.starts_with("```") {
                in_fence = !in_fence;
            }
            let prose = !in_fence
                && !t.is_empty()
                && !t.starts_with('|')
                && !t.starts_with('#')
                && !t.starts_with("```")
                && list_item(t).is_none();
            if prose {
                match &mut current {
                    Some((_, text)) => {
                        text.push(' ');
                        text.push_str(t);
                    }
                    None => current = Some((*line, t.to_string())),
                }
            } else if let Some(done) = current.take() {
                paragraphs.push(done);
            }
        }
        paragraphs.extend(current);
        paragraphs
            .into_iter()
            .map(|(line, text)| (line, plain(&text)))
            .collect()
    }

    /// Top-level list items (`-` or `*`), continuation lines joined.
    pub fn list_items(&self) -> Vec<(Line<'t>, String)> {
        let mut items: Vec<(Line<'t>, String)> = Vec::new();
        let mut open = false;
        for line in self.body {
            let t = line.text.trim();
            if let Some(item) = list_item(line.text) {
                items.push((*line, item.to_string()));
                open = true;
            } else if t.is_empty() || t.starts_with('#') || t.starts_with('|') {
                open = false;
            } else if open && line.text.starts_with(' ') {
                if let Some((_, text)) = items.last_mut() {
                    text.push(' ');
                    text.push_str(t);
                }
            } else {
                open = false;
            }
        }
        items
            .into_iter()
            .map(|(line, text)| (line, plain(&text)))
            .collect()
    }

    /// The pipe tables of the section, each as rows of cells (header and rule rows dropped).
    pub fn tables(&self) -> Vec<Table<'t>> {
        let mut tables = Vec::new();
        let mut current: Option<Table<'t>> = None;
        for line in self.body {
            let t = line.text.trim();
            if t.starts_with('|') {
                let cells = cells(t);
                let is_rule = cells
                    .iter()
                    .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')));
                match &mut current {
                    None => {
                        current = Some(Table {
                            header: cells,
                            rows: Vec::new(),
                        })
                    }
                    Some(_) if is_rule => {}
                    Some(table) => table.rows.push((*line, cells)),
                }
            } else if let Some(done) = current.take() {
                tables.push(done);
            }
        }
        tables.extend(current);
        tables
    }
}

/// A pipe table: its header cells and its rows.
#[derive(Debug, Clone)]
pub struct Table<'t> {
    pub header: Vec<String>,
    pub rows: Vec<(Line<'t>, Vec<String>)>,
}

impl Table<'_> {
    /// The column whose header contains `name` (case-insensitive).
    pub fn column(&self, name: &str) -> Option<usize> {
        let name = name.to_ascii_lowercase();
        self.header
            .iter()
            .position(|h| h.to_ascii_lowercase().contains(&name))
    }

    /// A two-column table read as `label → cell` (the directory's "Artifact | Link" table).
    pub fn row(&self, label: &str) -> Option<(Pos, &str)> {
        self.rows.iter().find_map(|(line, cells)| {
            let first = cells.first()?;
            let matches = first.eq_ignore_ascii_case(label)
                || first
                    .to_ascii_lowercase()
                    .strip_prefix(&label.to_ascii_lowercase())
                    .is_some_and(|rest| rest == "s");
            matches.then(|| (line.pos(), cells.get(1).map_or("", String::as_str)))
        })
    }
}

/// The cells of `| a | b |`, trimmed; a `|` inside a link's brackets does not split.
fn cells(row: &str) -> Vec<String> {
    let inner = row.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut depth = 0usize;
    for c in inner.chars() {
        match c {
            '[' | '(' => depth += 1,
            ']' | ')' => depth = depth.saturating_sub(1),
            '|' if depth == 0 => {
                cells.push(cell.trim().to_string());
                cell.clear();
                continue;
            }
            _ => {}
        }
        cell.push(c);
    }
    cells.push(cell.trim().to_string());
    cells
}

/// `- text` or `* text` at the start of a line (no indentation) → `text`.
fn list_item(line: &str) -> Option<&str> {
    let rest = line
        .strip_prefix("- ")
        .or_else(|| line.strip_prefix("* "))?;
    Some(rest.trim())
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_and_markup_read_as_their_words() {
        assert_eq!(
            plain("[&#x23;wg-x](https://s.example/C1) &middot; **bold** <br>x"),
            "#wg-x · bold x"
        );
        assert_eq!(plain("<img width=\"30px\" src=\"a.png\"> Ada"), "Ada");
        assert_eq!(plain("a &nbsp; b"), "a b");
        assert_eq!(plain("1 < 2 & 3"), "1 < 2 & 3");
        assert_eq!(plain("snake_case"), "snake_case");
    }

    #[test]
    fn inline_links_are_found_in_order_and_images_skipped() {
        let found = links("![i](x.png) [a](https://a.example) / [b [c]](./b.md) [no link]");
        assert_eq!(
            found,
            [
                InlineLink {
                    text: "a".into(),
                    target: "https://a.example".into()
                },
                InlineLink {
                    text: "b [c]".into(),
                    target: "./b.md".into()
                },
            ]
        );
    }

    #[test]
    fn sections_tables_lists_and_fences_keep_their_lines() {
        let text = "intro\n## One\nMission: To do.\n\n| A | B |\n| - | - |\n| Charter | [c](c.md) |\n\n- first\n  continued\n- second\n\n```yaml\nname: x\n```\n<!--\n## Hidden\n-->\n## Two\nprose\nmore prose\n";
        let page = Page::new(text);
        let sections = page.sections(2);
        let titles: Vec<&str> = sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["One", "Two"]);
        let one = &sections[0];
        assert_eq!(one.labelled("mission").unwrap().1, "To do.");
        let table = &one.tables()[0];
        assert_eq!(table.row("charter").unwrap().1, "[c](c.md)");
        assert_eq!(table.row("charter").unwrap().0.line, 7);
        let items: Vec<String> = one.list_items().into_iter().map(|(_, t)| t).collect();
        assert_eq!(items, ["first continued", "second"]);
        assert_eq!(page.fenced("yaml"), [(14, "name: x\n".to_string())]);
        assert_eq!(sections[1].paragraphs()[0].1, "prose more prose");
    }

    #[test]
    fn hostile_text_never_panics() {
        for text in [
            "&#xFFFFFFFF;",
            "&#0;",
            "[",
            "[a](",
            "![",
            "<",
            "&",
            "# ",
            "|",
            "```yaml",
        ] {
            let _ = plain(text);
            let _ = links(text);
            let page = Page::new(text);
            let _ = page.fenced("yaml");
            for s in page.sections(1) {
                let _ = (s.tables(), s.list_items(), s.paragraphs());
            }
        }
    }
}
