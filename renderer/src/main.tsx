import { createRoot } from 'react-dom/client';
import { getApi } from './api';
import { App } from './app/App';
import './styles/theme.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/form.css';
import './styles/threads.css';
import './styles/dialogs.css';
import './styles/slack.css';
import './styles/git.css';

createRoot(document.getElementById('root')!).render(<App api={getApi()} />);
