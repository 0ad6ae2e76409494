//! The terminal user interface: state, actions, update and rendering.
