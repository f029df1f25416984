//! Escaping and folding, the two places where a calendar file most often goes subtly wrong.

use jiff::Timestamp;
use jiff::civil::date;
use jiff::tz::offset as hours;

use super::{Content, escape, fold, local, offset, utc};

/// Undoes folding the way RFC 5545 readers do: a CRLF followed by one space disappears.
fn unfold(text: &str) -> String {
    text.replace("\r\n ", "")
}

#[test]
fn escapes_the_four_special_characters() {
    assert_eq!(escape(r"a\b"), r"a\\b");
    assert_eq!(escape("a;b,c"), r"a\;b\,c");
    assert_eq!(escape("one\ntwo"), r"one\ntwo");
    assert_eq!(escape("one\r\ntwo\rthree"), r"one\ntwo\nthree");
    assert_eq!(escape(r"\n is not a newline"), r"\\n is not a newline");
}

#[test]
fn keeps_tabs_and_text_but_drops_other_control_characters() {
    assert_eq!(escape("a\tb"), "a\tb");
    assert_eq!(escape("bell\u{7}\u{1b}[31m"), "bell[31m");
    assert_eq!(escape("café – 会議 🎉"), "café – 会議 🎉");
}

#[test]
fn short_lines_are_not_folded() {
    let line = "X".repeat(75);
    assert_eq!(fold(&line), line);
}

#[test]
fn long_lines_fold_at_75_octets_with_a_leading_space() {
    let line = "D".repeat(200);
    let folded = fold(&line);
    let pieces: Vec<&str> = folded.split("\r\n").collect();
    assert_eq!(pieces.len(), 3);
    assert_eq!(pieces[0].len(), 75);
    assert_eq!(pieces[1].len(), 75);
    assert!(pieces[1].starts_with(' ') && pieces[2].starts_with(' '));
    assert_eq!(unfold(&folded), line);
}

#[test]
fn folding_never_splits_a_multi_byte_character() {
    // 74 ASCII octets leave one octet: too little for a 3-byte euro sign.
    let line = format!("{}€tail", "a".repeat(74));
    let folded = fold(&line);
    assert_eq!(folded, format!("{}\r\n €tail", "a".repeat(74)));

    for ch in ['é', '会', '🎉'] {
        for lead in 0..4 {
            let line = format!("{}{}", "s".repeat(lead), ch.to_string().repeat(60));
            let folded = fold(&line);
            for piece in folded.split("\r\n") {
                assert!(piece.len() <= 75, "{piece:?} is {} octets", piece.len());
            }
            assert_eq!(unfold(&folded), line);
        }
    }
}

#[test]
fn content_lines_end_in_crlf_and_fold() {
    let mut out = Content::default();
    out.text("SUMMARY", "Team, sync; weekly");
    out.line("DESCRIPTION", &"x".repeat(80));
    let text = out.finish();
    assert!(text.starts_with("SUMMARY:Team\\, sync\\; weekly\r\n"));
    assert!(text.ends_with("\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'));
    assert_eq!(text.lines().count(), 3);
}

#[test]
fn date_time_and_offset_values() {
    assert_eq!(local(date(2026, 1, 1).at(9, 0, 0, 0)), "20260101T090000");
    let ts: Timestamp = "2026-11-21T00:00:00.5Z".parse().unwrap();
    assert_eq!(utc(ts), "20261121T000000Z");
    assert_eq!(offset(hours(-8)), "-0800");
    assert_eq!(offset(hours(0)), "+0000");
    let kolkata = jiff::tz::Offset::from_seconds(5 * 3600 + 30 * 60).unwrap();
    assert_eq!(offset(kolkata), "+0530");
    let lmt = jiff::tz::Offset::from_seconds(-(7 * 3600 + 52 * 60 + 58)).unwrap();
    assert_eq!(offset(lmt), "-075258");
}
