import '@backstage/cli/asset-types';
import ReactDOM from 'react-dom/client';
import App from './App';
import '@backstage/ui/css/styles.css';

// biome-ignore lint/style/noNonNullAssertion: public/index.html has the root element
ReactDOM.createRoot(document.getElementById('root')!).render(App.createRoot());
