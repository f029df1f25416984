//! A published time as a row of words that phrases are matched against one word at a time,
//! keeping each word's place in the original so any part can be quoted back as written.

/// One word, or one punctuation mark that separates phrases (`,` `;` `(` `)` `:` `.` `-`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Word<'a> {
    pub(super) text: &'a str,
    start: usize,
    end: usize,
}

impl Word<'_> {
    /// Case-insensitive: people capitalise the first word of a phrase, or shout `4PM`.
    pub(super) fn is(&self, wanted: &str) -> bool {
        self.text.eq_ignore_ascii_case(wanted)
    }

    /// Punctuation that ends one phrase and may begin a remark.
    pub(super) fn is_separator(&self) -> bool {
        matches!(
            self.text,
            "," | ";" | "(" | ")" | ":" | "." | "-" | "–" | "—"
        )
    }

    pub(super) fn starts_with_digit(&self) -> bool {
        self.text.starts_with(|c: char| c.is_ascii_digit())
    }
}

/// Marks that are a word of their own wherever they appear.
const MARKS: [char; 4] = [',', ';', '(', ')'];

/// Splits on whitespace and [`MARKS`]; a `:` or `.` ending a word ("topics:", "Jan.") is split
/// off too, while one inside a word ("09:00", "a.m") stays, because it is part of it.
pub(super) fn split(text: &str) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, ch) in text.char_indices() {
        if ch.is_whitespace() || MARKS.contains(&ch) {
            if let Some(s) = start.take() {
                push_word(text, s, i, &mut words);
            }
            if !ch.is_whitespace() {
                words.push(Word {
                    text: &text[i..i + 1],
                    start: i,
                    end: i + 1,
                });
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        push_word(text, s, text.len(), &mut words);
    }
    words
}

fn push_word<'a>(text: &'a str, start: usize, end: usize, words: &mut Vec<Word<'a>>) {
    let mut cut = end;
    while cut > start + 1 && matches!(text.as_bytes()[cut - 1], b':' | b'.') {
        cut -= 1;
    }
    words.push(Word {
        text: &text[start..cut],
        start,
        end: cut,
    });
    for i in cut..end {
        words.push(Word {
            text: &text[i..i + 1],
            start: i,
            end: i + 1,
        });
    }
}

/// A position in the words of one text. Readers advance it only when they succeed, through
/// [`Cursor::attempt`], so a failed reading can be followed by another from the same place.
#[derive(Debug, Clone)]
pub(super) struct Cursor<'a> {
    source: &'a str,
    words: &'a [Word<'a>],
    pos: usize,
}

impl<'a> Cursor<'a> {
    pub(super) fn new(source: &'a str, words: &'a [Word<'a>]) -> Self {
        Cursor {
            source,
            words,
            pos: 0,
        }
    }

    pub(super) fn pos(&self) -> usize {
        self.pos
    }

    pub(super) fn rewind(&mut self, pos: usize) {
        self.pos = pos;
    }

    pub(super) fn is_done(&self) -> bool {
        self.pos >= self.words.len()
    }

    pub(super) fn peek(&self) -> Option<Word<'a>> {
        self.words.get(self.pos).copied()
    }

    pub(super) fn next_word(&mut self) -> Option<Word<'a>> {
        let word = self.peek()?;
        self.pos += 1;
        Some(word)
    }

    /// Takes the next word if it is `wanted`.
    pub(super) fn eat(&mut self, wanted: &str) -> bool {
        let found = self.peek().is_some_and(|w| w.is(wanted));
        if found {
            self.pos += 1;
        }
        found
    }

    /// Takes the next words if they are `wanted`, in order; otherwise takes nothing.
    pub(super) fn eat_all(&mut self, wanted: &[&str]) -> bool {
        self.attempt(|c| wanted.iter().all(|w| c.eat(w)).then_some(()))
            .is_some()
    }

    /// Runs `read`, and puts the cursor back where it was when `read` finds nothing.
    pub(super) fn attempt<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let start = self.pos;
        let found = read(self);
        if found.is_none() {
            self.pos = start;
        }
        found
    }

    /// The original text of words `from..to`, as written between them.
    pub(super) fn quote(&self, from: usize, to: usize) -> &'a str {
        let to = to.min(self.words.len());
        if from >= to {
            return "";
        }
        &self.source[self.words[from].start..self.words[to - 1].end]
    }

    /// The original text from word `from` to the end.
    pub(super) fn quote_rest(&self, from: usize) -> &'a str {
        self.quote(from, self.words.len())
    }

    /// The words `from..` up to, not including, the first one that `stop` accepts.
    pub(super) fn until(&self, from: usize, stop: impl Fn(&Word) -> bool) -> usize {
        let mut end = from;
        while self.words.get(end).is_some_and(|w| !stop(w)) {
            end += 1;
        }
        end
    }

    pub(super) fn words(&self, from: usize, to: usize) -> &'a [Word<'a>] {
        &self.words[from.min(self.words.len())..to.min(self.words.len())]
    }
}
