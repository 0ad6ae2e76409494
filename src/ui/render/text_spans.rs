//! Cutting one wrapped line of a paragraph into styled spans: inline emphasis and the
//! highlighted sentence are ranges of the paragraph, layered over the base style.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::Span;

/// The spans of `text[line]`, with each decoration (a paragraph byte range and a style
/// patched over the base) applied where it overlaps the line. Later decorations win.
pub fn line_spans<'a>(
    text: &'a str,
    line: Range<usize>,
    base: Style,
    decorations: &[(Range<usize>, Style)],
) -> Vec<Span<'a>> {
    let mut cuts = vec![line.start, line.end];
    for (range, _) in decorations {
        for cut in [range.start, range.end] {
            if line.start < cut && cut < line.end && text.is_char_boundary(cut) {
                cuts.push(cut);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|pair| {
            let (start, end) = (pair[0], pair[1]);
            let style = decorations
                .iter()
                .filter(|(range, _)| range.start <= start && end <= range.end)
                .fold(base, |style, (_, patch)| style.patch(*patch));
            Span::styled(&text[start..end], style)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    #[test]
    fn decorations_split_the_line_where_they_start_and_end() {
        let text = "One two. Three four.";
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let spans = line_spans(text, 4..20, Style::new(), &[(9..20, bold)]);
        let parts: Vec<(&str, bool)> = spans
            .iter()
            .map(|s| (s.content.as_ref(), s.style == bold))
            .collect();
        assert_eq!(parts, [("two. ", false), ("Three four.", true)]);
    }
}
