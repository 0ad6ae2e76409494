//! Tables as text: the cells of a Markdown or HTML table drawn as an aligned grid, one line
//! per row, columns apart by `│`, the header row underlined. The grid is a verbatim
//! paragraph ([`crate::document::ParagraphKind::Table`]): never wrapped, scrolled sideways
//! when wider than the pane.

use unicode_width::UnicodeWidthStr;

/// How a column's cells are aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
}

/// A table being read: rows of cells (plain text), and how many leading rows are headers.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub rows: Vec<Vec<String>>,
    pub header_rows: usize,
    pub align: Vec<Align>,
}

impl Table {
    pub fn columns(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// The grid, lines joined by `\n`; empty for a table without a cell of text.
    pub fn draw(&self) -> String {
        let columns = self.columns();
        if self.rows.iter().flatten().all(|c| c.trim().is_empty()) {
            return String::new();
        }
        let widths: Vec<usize> = (0..columns)
            .map(|c| {
                self.rows
                    .iter()
                    .filter_map(|row| row.get(c))
                    .map(|cell| cell.width())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut lines = Vec::with_capacity(self.rows.len() + 1);
        for (r, row) in self.rows.iter().enumerate() {
            let cells: Vec<String> = (0..columns)
                .map(|c| {
                    let cell = row.get(c).map_or("", String::as_str);
                    let align = self.align.get(c).copied().unwrap_or_default();
                    pad(cell, widths[c], align)
                })
                .collect();
            lines.push(cells.join(" │ ").trim_end().to_string());
            if r + 1 == self.header_rows && r + 1 < self.rows.len() {
                let rule: Vec<String> = widths.iter().map(|&w| "─".repeat(w.max(1))).collect();
                lines.push(rule.join("─┼─"));
            }
        }
        lines.join("\n")
    }
}

fn pad(cell: &str, width: usize, align: Align) -> String {
    let room = width.saturating_sub(cell.width());
    let (left, right) = match align {
        Align::Left => (0, room),
        Align::Right => (room, 0),
        Align::Center => (room / 2, room - room / 2),
    };
    format!("{}{cell}{}", " ".repeat(left), " ".repeat(right))
}

/// A cell's text on one line: white space runs collapsed.
pub fn cell_text(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_line_up_under_the_header() {
        let table = Table {
            rows: vec![
                vec!["Region".into(), "Q1".into()],
                vec!["North".into(), "12".into()],
                vec!["Südwest 日本".into(), "9".into()],
            ],
            header_rows: 1,
            align: vec![Align::Left, Align::Right],
        };
        let drawn = table.draw();
        let lines: Vec<&str> = drawn.lines().collect();
        assert_eq!(lines.len(), 4, "{drawn}");
        assert!(lines[0].starts_with("Region ") && lines[0].ends_with("│ Q1"));
        assert!(lines[1].starts_with("──") && lines[1].contains("─┼─"));
        assert!(
            lines[2].ends_with("│ 12") && lines[3].ends_with("│  9"),
            "{drawn}"
        );
        // The bars line up, in display columns (日本 is four columns wide).
        let bar = |line: &str| line[..line.find('│').or_else(|| line.find('┼')).unwrap()].width();
        assert!(lines.iter().all(|l| bar(l) == bar(lines[0])), "{drawn}");
        let lines: Vec<usize> = table.draw().lines().map(|l| l.width()).collect();
        assert!(lines.iter().all(|&w| w == lines[0]), "{lines:?}");
    }

    #[test]
    fn ragged_rows_and_empty_tables() {
        let table = Table {
            rows: vec![vec!["a".into()], vec!["b".into(), "c".into()]],
            header_rows: 0,
            align: Vec::new(),
        };
        assert_eq!(table.draw(), "a │\nb │ c");
        assert_eq!(Table::default().draw(), "");
    }
}
