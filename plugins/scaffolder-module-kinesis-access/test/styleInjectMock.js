// style-inject adds CSS to document.head; jsdom cannot parse Backstage UI's modern CSS (@layer), and tests do
// not need styles.
module.exports = { __esModule: true, default: () => {} };
