import { render } from 'preact';
import { App } from './App';
import '@/components/claims.css';
import './style.css';

render(<App />, document.getElementById('app')!);
