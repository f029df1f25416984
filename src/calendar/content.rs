//! Content lines (RFC 5545 §3.1): physical lines unfolded into logical ones, each remembering
//! the line it started on, so that every warning can point into the file a person can open.
//!
//! Unfolding works on bytes, before any UTF-8 decoding, because real exporters fold at 75
//! octets and sometimes cut a multi-byte character in two. Splitting a logical line into name,
//! parameters and value (quoted parameters, TEXT unescaping) is the `icalendar` crate's parser.

use super::Warning;
use super::limits::MAX_LINE_BYTES;

/// One logical line: `NAME;PARAM=VALUE:value`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentLine {
    /// 1-based line in the file where this logical line starts.
    pub line: usize,
    /// Upper-cased, as names are case-insensitive.
    pub name: String,
    /// Parameter names upper-cased; values as written, without their quotes.
    pub params: Vec<(String, String)>,
    /// TEXT values (SUMMARY, DESCRIPTION, LOCATION, X-...) are unescaped (`\n`, `\,`, `\;`).
    pub value: String,
}

impl ContentLine {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What a logical line is, for building the component tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Begin { line: usize, name: String },
    End { line: usize, name: String },
    Property(ContentLine),
}

/// Every logical line of `bytes`, in order. Lines that can't be read become warnings; an
/// empty line is skipped silently (exporters end files with one).
pub fn lines(bytes: &[u8], warnings: &mut Vec<Warning>) -> Vec<Line> {
    let mut out = Vec::new();
    for (line, raw, overlong) in unfold(bytes) {
        if overlong {
            warnings.push(Warning::new(
                line,
                format!("a line longer than {MAX_LINE_BYTES} bytes is not read"),
            ));
            continue;
        }
        if std::str::from_utf8(&raw).is_err() {
            warnings.push(Warning::new(line, "bytes that are not UTF-8 were replaced"));
        }
        let text = String::from_utf8_lossy(&raw);
        let text = text.trim_end_matches([' ', '\t']);
        if text.trim().is_empty() {
            continue;
        }
        match classify(line, text) {
            Ok(l) => out.push(l),
            Err(message) => warnings.push(Warning::new(line, message)),
        }
    }
    out
}

fn classify(line: usize, text: &str) -> Result<Line, String> {
    let head_end = text.find([':', ';']).unwrap_or(text.len());
    let head = &text[..head_end];
    let rest = text.get(head_end + 1..).unwrap_or("").trim();
    if head.eq_ignore_ascii_case("BEGIN") {
        return Ok(Line::Begin {
            line,
            name: rest.to_ascii_uppercase(),
        });
    }
    if head.eq_ignore_ascii_case("END") {
        return Ok(Line::End {
            line,
            name: rest.to_ascii_uppercase(),
        });
    }
    if head.is_empty() || !head.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(format!(
            "not a calendar line (expected NAME:value): {}",
            preview(text)
        ));
    }
    if !text[head_end..].contains(':') {
        return Err(format!("`{head}` has no `:` before its value"));
    }
    let parsed = icalendar::parser::Property::try_from(text)
        .map_err(|_| format!("`{head}` could not be read: {}", preview(text)))?;
    Ok(Line::Property(ContentLine {
        line,
        name: parsed.name.as_str().to_ascii_uppercase(),
        params: parsed
            .params
            .iter()
            .map(|p| {
                (
                    p.key.as_str().to_ascii_uppercase(),
                    p.val
                        .as_ref()
                        .map(|v| v.as_str().to_owned())
                        .unwrap_or_default(),
                )
            })
            .collect(),
        value: parsed.val.as_str().to_owned(),
    }))
}

/// The start of a line for a message, cut at a character boundary.
fn preview(text: &str) -> String {
    const MAX: usize = 60;
    let cut: String = text.chars().take(MAX).collect();
    let cut: String = cut.chars().filter(|c| !c.is_control()).collect();
    if text.chars().count() > MAX {
        format!("{cut}…")
    } else {
        cut
    }
}

/// Logical lines as (first physical line, bytes, too long). A physical line starting with a
/// space or a tab continues the one before, without that first character; CRLF and bare LF
/// both end a line. A byte-order mark at the start is dropped.
fn unfold(bytes: &[u8]) -> Vec<(usize, Vec<u8>, bool)> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut out: Vec<(usize, Vec<u8>, bool)> = Vec::new();
    for (i, physical) in bytes.split(|&b| b == b'\n').enumerate() {
        let physical = physical.strip_suffix(b"\r").unwrap_or(physical);
        let number = i + 1;
        match (physical.first(), out.last_mut()) {
            (Some(b' ' | b'\t'), Some((_, current, overlong))) => {
                if current.len() + physical.len() > MAX_LINE_BYTES {
                    *overlong = true;
                    current.clear();
                } else if !*overlong {
                    current.extend_from_slice(&physical[1..]);
                }
            }
            _ => {
                let overlong = physical.len() > MAX_LINE_BYTES;
                let kept = if overlong {
                    Vec::new()
                } else {
                    physical.to_vec()
                };
                out.push((number, kept, overlong));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn props(text: &str) -> (Vec<Line>, Vec<Warning>) {
        let mut warnings = Vec::new();
        let lines = lines(text.as_bytes(), &mut warnings);
        (lines, warnings)
    }

    #[test]
    fn folded_lines_are_joined_and_keep_their_first_line_number() {
        let (lines, warnings) = props(
            "BEGIN:VEVENT\r\nSUMMARY:SIG Archi\r\n tecture\r\nDESCRIPTION:a\\, b\\nc\r\n\tdone\r\nEND:VEVENT\r\n",
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        let Line::Property(summary) = &lines[1] else {
            panic!("{lines:?}")
        };
        assert_eq!(
            (summary.line, summary.value.as_str()),
            (2, "SIG Architecture")
        );
        let Line::Property(description) = &lines[2] else {
            panic!("{lines:?}")
        };
        assert_eq!(description.line, 4);
        assert_eq!(description.value, "a, b\ncdone");
        assert_eq!(
            lines[3],
            Line::End {
                line: 6,
                name: "VEVENT".into()
            }
        );
    }

    #[test]
    fn a_character_folded_in_the_middle_of_its_bytes_is_whole_again() {
        // "Zürich" with the two bytes of ü on two physical lines.
        let bytes = b"LOCATION:Z\xC3\r\n \xBCrich\r\n";
        let mut warnings = Vec::new();
        let lines = lines(bytes, &mut warnings);
        assert!(warnings.is_empty(), "{warnings:?}");
        let Line::Property(location) = &lines[0] else {
            panic!()
        };
        assert_eq!(location.value, "Zürich");
    }

    #[test]
    fn parameters_are_read_with_quotes_and_case_folded_names() {
        let (lines, _) =
            props("DTSTART;tzid=\"America/Los_Angeles\":20260312T110000\nATTENDEE;VALUE=TEXT:\n");
        let Line::Property(start) = &lines[0] else {
            panic!()
        };
        assert_eq!(start.name, "DTSTART");
        assert_eq!(start.param("TZID"), Some("America/Los_Angeles"));
        assert_eq!(start.value, "20260312T110000");
        let Line::Property(attendee) = &lines[1] else {
            panic!()
        };
        assert_eq!(
            (attendee.name.as_str(), attendee.value.as_str()),
            ("ATTENDEE", "")
        );
    }

    #[test]
    fn a_line_that_is_not_a_property_is_a_warning_with_its_line() {
        let (lines, warnings) = props("BEGIN:VEVENT\n<html>oops</html>\nNOVALUE\nEND:VEVENT\n");
        assert_eq!(lines.len(), 2);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert_eq!(warnings[0].line, 2);
        assert!(warnings[0].message.contains("<html>oops"), "{warnings:?}");
        assert_eq!(warnings[1].line, 3);
        assert!(warnings[1].message.contains("NOVALUE"), "{warnings:?}");
    }

    #[test]
    fn an_overlong_line_is_skipped_with_a_warning() {
        let long = format!(
            "DESCRIPTION:{}\nSUMMARY:ok\n",
            "x".repeat(MAX_LINE_BYTES + 1)
        );
        let (lines, warnings) = props(&long);
        assert_eq!(lines.len(), 1);
        assert_eq!(warnings[0].line, 1);
        let folded = format!(
            "DESCRIPTION:x\n{}SUMMARY:ok\n",
            format!(" {}\n", "y".repeat(1000)).repeat(MAX_LINE_BYTES / 1000 + 1)
        );
        let (lines, warnings) = props(&folded);
        assert_eq!(lines.len(), 1, "only SUMMARY is left");
        assert_eq!(warnings.len(), 1);
    }
}
