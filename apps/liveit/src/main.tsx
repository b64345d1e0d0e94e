import './styles.css';
import { startApp } from '@alawein/app-kit';
import { appConfig } from './app-config.ts';
import { readEnv } from './env.ts';

startApp({ ...appConfig, readEnv });
