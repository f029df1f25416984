//! The searchable strings of many groups, with everything a keystroke needs precomputed.
//!
//! A search touches thousands of short strings per keystroke, so where they lie in memory
//! matters more than any single comparison: each string's folded text is followed directly by
//! its original (or is it, when folding changes nothing), strings follow each other heaviest
//! field first and groups follow each other, all in one buffer. A search then reads memory
//! front to back instead of chasing a pointer per string. Summaries that let a string be
//! skipped unread (char mask, word starts, a small pair filter) sit in its fixed-size entry.

use std::ops::Range;

use super::fields::{Field, group_texts};
use super::fold::{fold, fold_non_ascii};
use super::summary::{LONG_PAIRS_FROM, char_mask, pair_bloom};
use super::words::word_starts;
use crate::model::Group;

#[derive(Debug, Default)]
pub(crate) struct FieldStore {
    /// Folded and original texts, string after string.
    text: String,
    /// SkimMatcherV2's input for strings that are not ASCII (see `FieldText::skim_text`).
    skim: String,
    /// Pair filters longer than the one word kept in `Summary::pairs`.
    long_pairs: Vec<u64>,
    /// One cache line per string: what a search checks for every string it considers, and
    /// where the texts are for the strings it goes on to read.
    summaries: Vec<Summary>,
}

#[derive(Debug)]
#[repr(align(64))]
struct Summary {
    pairs: u64,
    mask: u64,
    starts: u64,
    spans: Spans,
    chars: u32,
    field: Field,
}

#[derive(Debug)]
struct Spans {
    folded: Span,
    original: Span,
    /// Empty when the original is ASCII.
    skim: Span,
    /// Empty when the pair filter fits in `Summary::pairs`.
    long_pairs: Span,
}

#[derive(Clone, Copy, Debug, Default)]
struct Span {
    start: u32,
    end: u32,
}

impl Span {
    fn of_text(buffer: &mut String, text: &str) -> Span {
        let start = offset(buffer.len());
        buffer.push_str(text);
        Span {
            start,
            end: offset(buffer.len()),
        }
    }

    fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

fn offset(len: usize) -> u32 {
    u32::try_from(len).expect("the search index holds under 4 GiB of text")
}

/// One searchable string, borrowed from a `FieldStore`. Its texts are sliced out only when
/// asked for: most strings are passed over on their summaries alone.
#[derive(Clone, Copy)]
pub(crate) struct FieldText<'a> {
    store: &'a FieldStore,
    summary: &'a Summary,
}

impl<'a> FieldText<'a> {
    pub fn field(self) -> Field {
        self.summary.field
    }

    fn spans(self) -> &'a Spans {
        &self.summary.spans
    }

    /// As the registry wrote it; hits report it and index it.
    pub fn original(self) -> &'a str {
        &self.store.text[self.spans().original.range()]
    }

    /// Lowercased and accent-stripped, char for char with `original`.
    pub fn folded(self) -> &'a str {
        &self.store.text[self.spans().folded.range()]
    }

    pub fn chars(self) -> usize {
        self.summary.chars as usize
    }

    /// Which chars occur (`summary::char_mask`).
    pub fn mask(self) -> u64 {
        self.summary.mask
    }

    /// Which chars start a word here (`words::word_starts`).
    pub fn word_starts(self) -> u64 {
        self.summary.starts
    }

    /// The pair filter (`summary::pair_bloom`).
    pub fn pairs(self) -> &'a [u64] {
        if self.summary.chars < LONG_PAIRS_FROM {
            std::slice::from_ref(&self.summary.pairs)
        } else {
            &self.store.long_pairs[self.spans().long_pairs.range()]
        }
    }

    /// Byte offsets are the same in `original` and `folded` (and equal char indices).
    pub fn is_ascii(self) -> bool {
        let skim = self.spans().skim;
        skim.start == skim.end
    }

    /// What SkimMatcherV2 reads for case-insensitive terms: `original` with only its non-ASCII
    /// chars folded (ASCII case is left for SkimMatcherV2 to see camelCase).
    pub fn skim_text(self) -> &'a str {
        if self.is_ascii() {
            self.original()
        } else {
            &self.store.skim[self.spans().skim.range()]
        }
    }
}

impl FieldStore {
    /// A store holding one string, for matching a single text.
    pub fn one(field: Field, text: &str) -> FieldStore {
        let mut store = FieldStore::default();
        store.push(field, text);
        store
    }

    pub fn get(&self, index: usize) -> FieldText<'_> {
        FieldText {
            store: self,
            summary: &self.summaries[index],
        }
    }

    /// Adds every non-empty searchable string of `group`, highest field weight first, so a
    /// search can stop looking once no remaining field could beat what it already found.
    /// Returns the indices they got. `community` is the community's name, when known.
    pub fn push_group(&mut self, group: &Group, community: Option<&str>) -> Range<usize> {
        let start = self.summaries.len();
        for (field, text) in group_texts(group, community) {
            self.push(field, &text);
        }
        start..self.summaries.len()
    }

    pub fn push(&mut self, field: Field, text: &str) {
        let folded = fold(text);
        let chars = text.chars().count();
        let folded_span = Span::of_text(&mut self.text, &folded);
        let original = if folded == text {
            folded_span
        } else {
            Span::of_text(&mut self.text, text)
        };
        let skim = if text.is_ascii() {
            Span::default()
        } else {
            Span::of_text(&mut self.skim, &fold_non_ascii(text))
        };
        let bloom = pair_bloom(&folded, chars);
        let long_pairs = if bloom.len() == 1 {
            Span::default()
        } else {
            let start = offset(self.long_pairs.len());
            self.long_pairs.extend_from_slice(&bloom);
            Span {
                start,
                end: offset(self.long_pairs.len()),
            }
        };
        self.summaries.push(Summary {
            spans: Spans {
                folded: folded_span,
                original,
                skim,
                long_pairs,
            },
            pairs: bloom[0],
            mask: char_mask(&folded),
            starts: word_starts(text),
            chars: offset(chars),
            field,
        });
    }
}

/// One group's strings in a store: `FieldStore::push_group`'s range.
#[derive(Clone, Copy)]
pub(crate) struct GroupFields<'a> {
    store: &'a FieldStore,
    start: usize,
    end: usize,
}

impl<'a> GroupFields<'a> {
    pub fn new(store: &'a FieldStore, range: Range<usize>) -> GroupFields<'a> {
        GroupFields {
            store,
            start: range.start,
            end: range.end,
        }
    }

    /// The `at`-th string of the group.
    pub fn get(self, at: usize) -> FieldText<'a> {
        self.store.get(self.start + at)
    }

    /// The group's strings, heaviest field first.
    pub fn iter(self) -> impl Iterator<Item = FieldText<'a>> {
        (self.start..self.end).map(move |i| self.store.get(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Project;

    #[test]
    fn strings_keep_their_texts_and_summaries() {
        let group = Group {
            id: "cf-fi".into(),
            name: "Foundational Infrastructure".into(),
            mission: Some("Provides infrastructure automation and core capabilities shared across CF projects.".into()),
            projects: vec![Project { name: "UAA".into(), repos: vec!["cloudfoundry/uaa".into()], ..Project::default() }],
            ..Group::default()
        };
        let mut store = FieldStore::one(Field::Name, "Some other group");
        let range = store.push_group(&group, None);
        // Name, project, id, repo, status, kind, mission.
        assert_eq!(range, 1..8);
        let fields = GroupFields::new(&store, range);
        let texts: Vec<(Field, &str, &str)> = fields
            .iter()
            .map(|f| (f.field(), f.original(), f.folded()))
            .collect();
        assert_eq!(
            texts[..4],
            [
                (
                    Field::Name,
                    "Foundational Infrastructure",
                    "foundational infrastructure"
                ),
                (Field::Project, "UAA", "uaa"),
                (Field::Id, "cf-fi", "cf-fi"),
                (Field::Repo, "cloudfoundry/uaa", "cloudfoundry/uaa"),
            ]
        );
        assert_eq!(store.get(0).original(), "Some other group");
        // A short string's pair filter lives in its entry, a long one's in the store.
        assert_eq!(fields.get(1).pairs().len(), 1);
        assert!(fields.get(6).pairs().len() > 1);
        assert_eq!(fields.get(6).chars(), 83);
    }

    #[test]
    fn non_ascii_text_keeps_a_folded_copy_for_the_matcher() {
        let mut store = FieldStore::one(Field::Lead, "José MÜLLER");
        store.push(Field::Name, "Docs");
        let text = store.get(0);
        assert_eq!(text.folded(), "jose muller");
        assert_eq!(text.original(), "José MÜLLER");
        assert_eq!(text.skim_text(), "Jose MuLLER");
        assert_eq!(text.chars(), 11);
        assert!(!text.is_ascii());
        assert!(store.get(1).is_ascii());
        assert_eq!(store.get(1).skim_text(), "Docs");
    }
}
