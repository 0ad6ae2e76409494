//! Layout: the document wrapped to a width, as rows the reading pane can slice.
